#!/usr/bin/env bash
# Rebuilds the demo course's audio and video lessons (committed beside this script) from their
# Vietnamese scripts: speech by espeak-ng (a machine voice: demo content only), the video a
# slide with the narration. Needs `apt-get install espeak-ng ffmpeg`; the app never runs this.
set -euo pipefail
cd "$(dirname "$0")"
FONT="$(node -p 'require.resolve("@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf")')"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

espeak-ng -v vi -s 150 -w "$tmp/audio.wav" -f bai-nghe.txt
ffmpeg -loglevel error -y -i "$tmp/audio.wav" -ac 1 -c:a libopus -b:a 24k bai-nghe-demo.ogg

espeak-ng -v vi -s 150 -w "$tmp/video.wav" -f bai-giang.txt
ffmpeg -loglevel error -y -f lavfi -i "color=c=0x0b3a6e:s=640x360:r=5" -i "$tmp/video.wav" \
  -vf "drawtext=fontfile=$FONT:textfile=bai-giang-slide.txt:fontcolor=white:fontsize=24:line_spacing=10:x=(w-text_w)/2:y=(h-text_h)/2" \
  -shortest -c:v libvpx -b:v 60k -c:a libopus -b:a 24k -ac 1 bai-giang-demo.webm
