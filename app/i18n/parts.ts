/**
 * Which translations a page downloads (issue 8, page weight). The strings live in
 * locales/vi.ts and en.ts; the build splits each locale into chunks by key prefix:
 * `public` (every page: contest, attempt, log-in, errors, …), `learn` (the learner's course
 * pages, ratings, the privacy page and a survey's page, loaded with /courses, /learn, /my, /v, /attempts, /account and /s) and `manage` (the organizer's screens, loaded
 * with /manage). A key listed under neither MANAGE_PREFIXES nor LEARN_PREFIXES is public.
 * A page that shows a key of a part it did not load still works: the client loads that part
 * when it meets the missing key (app/i18n/translate.ts), so a wrong guess here costs a moment,
 * not text.
 */
export const TRANSLATION_PARTS = ["public", "learn", "manage"] as const;
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
  "rosters",
  "privacyRequests",
  "training",
  "targets",
  "population",
  "indicators",
  "apiTokens",
  "surveys",
  // The course editor and the organizer's course screens; the learner's strings are `learn`.
  ...["fields", "lessonFields", "manage", "editor", "learners"].map((name) => `courses.${name}`),
  ...[
    "org",
    "import",
    "bank",
    "question",
    "contest",
    "members",
    "organizer",
    "results",
    "targets",
    "population",
    "indicators",
    "apiTokens",
    // The open-data API's messages, sent as JSON only (app/open-data/api.server.ts).
    "api",
  ].map((name) => `errors.${name}`),
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
/**
 * The learner's course pages (catalogue, lessons, quizzes, certificates, verification), the
 * satisfaction rating shown after a course and after an attempt, and the account's privacy
 * page: kept off the contest page, whose budget is the tightest.
 */
export const LEARN_PREFIXES = [
  "courses",
  "rating",
  // A survey's public page (/s/<code>); the organizer's screens are `surveys` (manage).
  "survey",
  ...["rating", "privacy"].map((name) => `errors.${name}`),
  // The account's privacy page (/account/privacy): download and deletion request.
  ...["myDataTitle", "myDataHint", "myDataDownload", "deletionTitle", "deletionHint", "deletionReason"].map(
    (name) => `account.${name}`,
  ),
  ...["deletionConfirm", "deletionSubmit", "deletionCancel", "deletionRequested", "deletionCancelled"].map(
    (name) => `account.${name}`,
  ),
  ...["deletionStatus"].map((name) => `account.${name}`),
];
/** Keys under a manage prefix that other pages show: the attempt page's question hints, a course's outline. */
export const PART_EXCEPTIONS: Record<string, TranslationPart> = {
  "questions.previewSingle": "public",
  "questions.previewMultiple": "public",
  "courses.editor.finalTest": "learn",
  "courses.editor.optional": "learn",
};

const under = (key: string, prefix: string) => key === prefix || key.startsWith(`${prefix}.`);

export function partOfKey(key: string): TranslationPart {
  for (const [prefix, part] of Object.entries(PART_EXCEPTIONS)) if (under(key, prefix)) return part;
  if (MANAGE_PREFIXES.some((prefix) => under(key, prefix))) return "manage";
  return LEARN_PREFIXES.some((prefix) => under(key, prefix)) ? "learn" : "public";
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

const LEARN_PATHS = ["/courses", "/learn", "/my", "/v", "/attempts", "/account", "/s"];
const within = (pathname: string, base: string) => pathname === base || pathname.startsWith(`${base}/`);

/** Which parts a page at `pathname` needs before it renders. */
export function partsForPath(pathname: string): TranslationPart[] {
  // The organizer's screens show course titles, states and lesson types from `learn` too.
  if (within(pathname, "/manage")) return ["public", "learn", "manage"];
  return LEARN_PATHS.some((base) => within(pathname, base)) ? ["public", "learn"] : ["public"];
}
