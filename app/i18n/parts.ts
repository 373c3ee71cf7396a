/**
 * Which translations a page downloads (issue 8, page weight). The strings live in
 * locales/vi.ts and en.ts; the build splits each locale into two chunks by key prefix:
 * `public` (every page: contest, attempt, log-in, errors, …) and `manage` (the organizer's
 * screens, loaded with /manage). A key that is not listed under MANAGE_PREFIXES is public.
 * A public page that shows a manage key still works: the client loads the manage chunk when
 * it meets a missing key (app/i18n/translate.ts), so a wrong guess here costs a moment, not text.
 */
export const TRANSLATION_PARTS = ["public", "manage"] as const;
export type TranslationPart = (typeof TRANSLATION_PARTS)[number];

export const MANAGE_PREFIXES = [
  "manage",
  "org",
  "imports",
  "orgImport",
  "organizers",
  "members",
  "banks",
  "questions",
  "questionImport",
  "results",
  "contestSetup",
  "audit",
  "roles",
  ...["org", "import", "bank", "question", "contest", "members", "organizer", "results"].map(
    (name) => `errors.${name}`,
  ),
  // The live quiz's host screens (/manage/live); the player's screen (/live) keeps the rest of `quiz`.
  ...[
    "manageTitle",
    "manageIntro",
    "newTitle",
    "sessionsTitle",
    "title",
    "bank",
    "bankHint",
    "node",
    "questionCount",
    "seconds",
    "difficulty",
    "anyDifficulty",
    "shuffleOptions",
    "counts",
    "codeShort",
    "create",
    "empty",
    "export",
    "answeredCount",
    "controls",
    "start",
    "next",
    "reveal",
    "revealSummary",
    "pause",
    "resume",
    "skip",
    "end",
    "endConfirm",
    "showFinal",
    "finalCaption",
    "topCaption",
    "joinAt",
    "joinHeading",
    "kick",
    "kickAria",
    "playersCount",
    "playersTitle",
    "waitingPlayers",
    "qrAlt",
  ].map((name) => `quiz.${name}`),
];
/** Keys under a manage prefix that public pages show (the attempt page's question hints). */
export const PUBLIC_EXCEPTIONS = ["questions.previewSingle", "questions.previewMultiple"];

const under = (key: string, prefix: string) => key === prefix || key.startsWith(`${prefix}.`);

export function partOfKey(key: string): TranslationPart {
  if (PUBLIC_EXCEPTIONS.some((prefix) => under(key, prefix))) return "public";
  return MANAGE_PREFIXES.some((prefix) => under(key, prefix)) ? "manage" : "public";
}

export type TranslationTree = { [key: string]: string | TranslationTree };

/** The part of a locale's tree whose keys belong to `part` (same shape, other keys left out). */
export function translationPart(tree: TranslationTree, part: TranslationPart, prefix = ""): TranslationTree {
  const picked: TranslationTree = {};
  for (const [name, value] of Object.entries(tree)) {
    const key = `${prefix}${name}`;
    if (typeof value === "string") {
      if (partOfKey(key) === part) picked[name] = value;
    } else {
      const child = translationPart(value, part, `${key}.`);
      if (Object.keys(child).length > 0) picked[name] = child;
    }
  }
  return picked;
}

/** Which parts a page at `pathname` needs before it renders. */
export function partsForPath(pathname: string): TranslationPart[] {
  return pathname === "/manage" || pathname.startsWith("/manage/") ? ["public", "manage"] : ["public"];
}
