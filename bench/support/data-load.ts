import type { Db } from "~/db/client.server";

/**
 * The `data` benchmark's load (issue 8), written with set-based SQL (generate_series) so that
 * 200,000 participants and 1,000,000 answers take seconds, not hours:
 * - one published contest of xã Kim Thành (the demo tree's commune, whose demo organizer reads
 *   the results) with two rounds: round 1 closed last month, round 2 open now;
 * - `participants` accounts, each registered for a unit of the commune; everyone took round 1,
 *   one in four round 2 as well (submitted attempts; 200,000 participants → 250,000 attempts);
 * - each attempt shows `answersPer` questions and answers all of them (4 → 1,000,000 answers);
 *   scores follow a fixed pattern, not the answers (timing does not need them to agree);
 * - a bank of `questions` approved single-choice questions whose stems name one of ten laws, a
 *   subject and an article ("… theo Luật Đất đai, thời hạn … Điều 42 …"), with the folded
 *   search text the app stores, so the bank's search has realistic hits; the rounds draw from it.
 * Every name says it is benchmark data. Returns what the timings need.
 */
export interface DataLoad {
  prefix: string;
  contestId: string;
  slug: string;
  roundIds: [string, string];
  bankId: string;
  participants: number;
  attempts: number;
  answers: number;
  questions: number;
}

const LAWS: Array<[string, string]> = [
  ["Luật Đất đai", "luat dat dai"],
  ["Luật Giao thông đường bộ", "luat giao thong duong bo"],
  ["Luật Hôn nhân và gia đình", "luat hon nhan va gia dinh"],
  ["Bộ luật Dân sự", "bo luat dan su"],
  ["Luật Bảo vệ môi trường", "luat bao ve moi truong"],
  ["Luật Trẻ em", "luat tre em"],
  ["Luật Phòng, chống bạo lực gia đình", "luat phong chong bao luc gia dinh"],
  ["Luật An ninh mạng", "luat an ninh mang"],
  ["Luật Cư trú", "luat cu tru"],
  ["Luật Hòa giải ở cơ sở", "luat hoa giai o co so"],
];
const SUBJECTS: Array<[string, string]> = [
  ["quyền của công dân", "quyen cua cong dan"],
  ["nghĩa vụ của người dân", "nghia vu cua nguoi dan"],
  ["thời hạn giải quyết", "thoi han giai quyet"],
  ["mức phạt tiền", "muc phat tien"],
  ["thủ tục đăng ký", "thu tuc dang ky"],
  ["thẩm quyền xử lý", "tham quyen xu ly"],
  ["độ tuổi áp dụng", "do tuoi ap dung"],
];

const sqlArray = (values: string[]) => `ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(", ")}]`;

export async function seedDataLoad(
  db: Db,
  options: { participants: number; answersPer: number; questions: number },
): Promise<DataLoad> {
  const { participants, answersPer, questions } = options;
  const p = `load${Date.now().toString(36)}`;
  const sql = (text: string) => db.$executeRawUnsafe(text);
  const commune = await db.orgNode.findUniqueOrThrow({
    where: { code: "HP-KIMTHANH" },
    select: { id: true, path: true, depth: true },
  });
  const units = await db.orgNode.findMany({
    where: { path: { startsWith: commune.path }, depth: { gt: commune.depth } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const unitIds = sqlArray((units.length > 0 ? units : [commune]).map((unit) => unit.id));
  const laws = (index: 0 | 1) => sqlArray(LAWS.map((law) => law[index]));
  const subjects = (index: 0 | 1) => sqlArray(SUBJECTS.map((subject) => subject[index]));

  // The bank: questions, their first versions, then each question pointed at its version.
  const bankId = `${p}-bank`;
  await sql(`INSERT INTO "QuestionBank" (id, "orgNodeId", name, description, "updatedAt")
    VALUES ('${bankId}', '${commune.id}', 'Ngân hàng đo tải ${p} (benchmark)', 'Câu hỏi sinh tự động để đo hiệu năng, không phải nội dung thật', now())`);
  await sql(`INSERT INTO "Question" (id, "bankId", status, type, difficulty, "searchText", "stemKey", "createdAt", "updatedAt")
    SELECT '${p}-q' || i, '${bankId}', 'APPROVED', 'SINGLE_CHOICE', (ARRAY['EASY', 'MEDIUM', 'HARD'])[i % 3 + 1]::"Difficulty",
      'cau hoi do tai so ' || i || ' theo ' || (${laws(1)})[i % 10 + 1] || ' ' || (${subjects(1)})[i % 7 + 1]
        || ' duoc quy dinh tai dieu ' || (i % 150 + 1) || ' la gi phuong an a phuong an b phuong an c phuong an d',
      md5('${p}' || i), t, t
    FROM generate_series(1, ${questions}) i, LATERAL (SELECT now() - (${questions} - i) * interval '1 second' AS t) times`);
  await sql(`INSERT INTO "QuestionVersion" (id, "questionId", version, type, stem, options, difficulty, "topicNames", "citationDocument", "citationArticle", "createdAt")
    SELECT '${p}-v' || i, '${p}-q' || i, 1, 'SINGLE_CHOICE',
      '<p>Câu hỏi đo tải số ' || i || ': theo ' || (${laws(0)})[i % 10 + 1] || ', ' || (${subjects(0)})[i % 7 + 1]
        || ' được quy định tại Điều ' || (i % 150 + 1) || ' là gì?</p>',
      jsonb_build_array(
        jsonb_build_object('text', 'Phương án A', 'correct', i % 4 = 0),
        jsonb_build_object('text', 'Phương án B', 'correct', i % 4 = 1),
        jsonb_build_object('text', 'Phương án C', 'correct', i % 4 = 2),
        jsonb_build_object('text', 'Phương án D', 'correct', i % 4 = 3)),
      (ARRAY['EASY', 'MEDIUM', 'HARD'])[i % 3 + 1]::"Difficulty", ARRAY[(${subjects(0)})[i % 7 + 1]],
      (${laws(0)})[i % 10 + 1], 'Điều ' || (i % 150 + 1), now()
    FROM generate_series(1, ${questions}) i`);
  await sql(`UPDATE "Question" SET "latestVersionId" = '${p}-v' || substr(id, length('${p}-q') + 1),
      "approvedVersionId" = '${p}-v' || substr(id, length('${p}-q') + 1)
    WHERE "bankId" = '${bankId}'`);

  // The contest, its two rounds and the participants.
  const contestId = `${p}-contest`;
  const slug = `bench-data-${p}`;
  await sql(`INSERT INTO "Contest" (id, "orgNodeId", title, slug, "registrationFields", status, "updatedAt")
    VALUES ('${contestId}', '${commune.id}', 'Cuộc thi đo tải dữ liệu ${p} (benchmark, không phải dữ liệu thật)', '${slug}',
      '{"fullName": "required", "unit": "optional"}'::jsonb, 'PUBLISHED', now())`);
  const blueprint = JSON.stringify({ rules: [{ bankId, count: answersPer }] });
  await sql(`INSERT INTO "Round" (id, "contestId", name, position, "opensAt", "closesAt", "timeLimitSeconds", blueprint, "leaderboardVisibility", "updatedAt")
    VALUES ('${p}-r1', '${contestId}', 'Đợt 1 (đo tải)', 1, now() - interval '30 days', now() - interval '23 days', 1800, '${blueprint}'::jsonb, 'LIVE', now()),
           ('${p}-r2', '${contestId}', 'Đợt 2 (đo tải)', 2, now() - interval '2 days', now() + interval '5 days', 1800, '${blueprint}'::jsonb, 'LIVE', now())`);
  await sql(`INSERT INTO "User" (id, "fullName", email, "passwordHash", "updatedAt")
    SELECT '${p}-u' || g, 'Thí sinh đo tải ' || g, '${p}-' || g || '@bench.example', 'x', now()
    FROM generate_series(1, ${participants}) g`);
  await sql(`INSERT INTO "Registration" (id, "contestId", "userId", fields, "orgNodeId", "consentAt", "consentVersion")
    SELECT '${p}-reg' || g, '${contestId}', '${p}-u' || g, jsonb_build_object('fullName', 'Thí sinh đo tải ' || g),
      (${unitIds})[g % ${units.length || 1} + 1], now() - interval '31 days', 1
    FROM generate_series(1, ${participants}) g`);
  // Round 1 over its 7 days, round 2 over the 2 days it has been open; 1 to 26 minutes each.
  // Each attempt's drawn questions: versions spread over the bank by a hash of the attempt's id.
  await sql(`INSERT INTO "Attempt" (id, "roundId", "userId", number, status, "startedAt", "deadlineAt", "closedAt", score, "maxScore",
      "correctCount", "timeUsedMs", drawn)
    SELECT '${p}-a' || g || '-' || r, '${p}-r' || r, '${p}-u' || g, 1, 'SUBMITTED', t, t + interval '30 minutes',
      t + used * interval '1 millisecond', (g * 7 + r) % (${answersPer} + 1), ${answersPer}, (g * 7 + r) % (${answersPer} + 1), used,
      (SELECT jsonb_agg(jsonb_build_object(
                'versionId', '${p}-v' || ((hashtext('${p}-a' || g || '-' || r) & 1048575) * 31 + pos * 977) % ${questions} + 1,
                'optionOrder', '[0,1,2,3]'::jsonb, 'points', 1) ORDER BY pos)
         FROM generate_series(0, ${answersPer - 1}) pos)
    FROM generate_series(1, ${participants}) g, generate_series(1, 2) r,
      LATERAL (SELECT CASE WHEN r = 1 THEN now() - interval '30 days' + ((g::bigint * 7919) % 600000) * interval '1 second'
                           ELSE now() - interval '2 days' + ((g::bigint * 7919) % 170000) * interval '1 second' END AS t,
                      (60000 + (g::bigint * 7727) % 1500000)::int AS used) times
    WHERE r = 1 OR g % 4 = 0`);
  await sql(`INSERT INTO "AttemptAnswer" ("attemptId", position, selected, "answeredAt", "firstAnsweredAt")
    SELECT a.id, pos, ARRAY[((hashtext(a.id) & 3) + pos) % 4], a."startedAt" + (pos + 1) * interval '20 seconds',
      a."startedAt" + (pos + 1) * interval '20 seconds'
    FROM "Attempt" a, generate_series(0, ${answersPer - 1}) pos
    WHERE a."roundId" IN ('${p}-r1', '${p}-r2')`);
  await sql(`ANALYZE`);
  const attempts = participants + Math.floor(participants / 4);
  return {
    prefix: p,
    contestId,
    slug,
    roundIds: [`${p}-r1`, `${p}-r2`],
    bankId,
    participants,
    attempts,
    answers: attempts * answersPer,
    questions,
  };
}
