import path from "node:path";
import type { ActionFunction, LoaderFunction } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAttempt } from "~/contests/attempts.server";
import { issueCourseCertificate } from "~/courses/certificates.server";
import { DEMO_CONTEST, seedDemoData } from "../../seeds/demo";
import { DEMO_COURSE } from "../../seeds/demo-course";
import { DEMO_SURVEY } from "../../seeds/demo-surveys";
import { createUserWithRole, nodeId, sessionCookie } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/**
 * The guard table: every route file is listed with who may reach it, and each protected
 * loader and action is called as anonymous, as users of the wrong role, and as an organizer
 * of a sibling commune — all must be turned away — and as the right user, who must get in.
 * A new route that is not in this table fails the first test.
 */
type Access =
  | "public" // anyone (logout and locale are POST-only actions that act on the caller's own session)
  | "anonymousOnly" // log-in and registration: a logged-in user is sent home
  | "user" // any logged-in user
  | "organizer" // an organizer (of any node) or an admin; data is filtered to their subtree
  | "organizerOfNode" // an organizer of the node in the URL (or an ancestor), or an admin
  | "owner" // only the contestant whose attempt it is; anyone else gets 404, as if it did not exist
  // The open-data API (docs/api.md): a bearer token only. Every session — anonymous, contestant,
  // organizer, admin — gets 401, since cookies are not read at all; tests/integration/
  // open-data-api.test.ts checks the tokens themselves and their subtree.
  | "apiToken";

interface RouteEntry {
  access: Access;
  path: string;
  /** For organizerOfNode: the node in the URL belongs to Kim Thành. */
  nodeParam?: string;
  /** The URL names Kim Thành's question bank (:bankId) or one of its questions (:questionId). */
  bankParam?: boolean;
  questionParam?: boolean;
  /** The URL names the demo contest (:slug) or the owner's attempt (:attemptId). */
  slugParam?: boolean;
  /** The URL names the demo contest of Kim Thành by id (:contestId). */
  contestParam?: boolean;
  attemptParam?: boolean;
  /** The URL names a live quiz session of Kim Thành (:sessionId). */
  liveSessionParam?: boolean;
  /** The URL names the demo course of Kim Thành by id (:courseId), its first lesson (:lessonId), or the owner's certificate (:code). */
  courseParam?: boolean;
  lessonParam?: boolean;
  certificateParam?: boolean;
  /** The URL names the demo offline training session of Kim Thành (:activityId). */
  activityParam?: boolean;
  /** The URL names the demo plan of Kim Thành (:planId). */
  planParam?: boolean;
  /** The URL names an org node by its code (:code), for the open-data API. */
  nodeCodeParam?: string;
  /** The URL names the demo survey of Kim Thành by id (:surveyId) or by its public code (:code). */
  surveyParam?: boolean;
  surveyCodeParam?: boolean;
  loader?: boolean;
  action?: boolean;
  /** A form the action would accept from the right user (the guard must stop everyone else first). */
  form?: () => FormData;
}

const form = (fields: Record<string, string>) => () => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

const ROUTES: Record<string, RouteEntry> = {
  _index: { access: "public", path: "/", loader: true },
  // Uploaded banners, shown on public contest pages.
  "files.$": { access: "public", path: "/files/*", loader: true },
  login: {
    access: "anonymousOnly",
    path: "/login",
    loader: true,
    action: true,
    form: form({ identifier: "x@test.example", password: "x" }),
  },
  register: { access: "anonymousOnly", path: "/register", loader: true, action: true, form: form({ fullName: "A" }) },
  logout: { access: "public", path: "/logout", loader: true, action: true },
  locale: { access: "public", path: "/locale", loader: true, action: true, form: form({ locale: "en" }) },
  "account.password": {
    access: "user",
    path: "/account/password",
    loader: true,
    action: true,
    form: form({ currentPassword: "x" }),
  },
  // A person's own data, as a download (issue 9, point 4).
  "account.data[.json]": { access: "user", path: "/account/data.json", loader: true },
  "account.privacy": {
    access: "user",
    path: "/account/privacy",
    loader: true,
    action: true,
    form: form({ intent: "request", confirm: "on" }),
  },
  "manage.privacy": {
    access: "organizer",
    path: "/manage/privacy",
    loader: true,
    action: true,
    form: form({ requestId: "x", decision: "refuse", note: "x" }),
  },
  manage: { access: "organizer", path: "/manage", loader: true },
  "manage._index": { access: "organizer", path: "/manage", loader: true },
  "manage.org._index": {
    access: "organizer",
    path: "/manage/org",
    loader: true,
    action: true,
    form: form({ name: "" }),
  },
  "manage.org.$nodeId": {
    access: "organizerOfNode",
    path: "/manage/org/:nodeId",
    nodeParam: "HP-KIMTHANH-THCS",
    loader: true,
    action: true,
    form: form({ intent: "rename", name: "", code: "" }),
  },
  "manage.org.import": {
    access: "organizer",
    path: "/manage/org/import",
    loader: true,
    action: true,
    form: form({ intent: "check" }),
  },
  "manage.org.template[.xlsx]": { access: "organizer", path: "/manage/org/template.xlsx", loader: true },
  "manage.organizers": {
    access: "organizer",
    path: "/manage/organizers",
    loader: true,
    action: true,
    form: form({ intent: "grant" }),
  },
  "manage.members": {
    access: "organizer",
    path: "/manage/members",
    loader: true,
    action: true,
    form: form({ userId: "" }),
  },
  "manage.audit": { access: "organizer", path: "/manage/audit", loader: true },
  "manage.banks._index": {
    access: "organizer",
    path: "/manage/banks",
    loader: true,
    action: true,
    form: form({ name: "" }),
  },
  "manage.banks.$bankId._index": {
    access: "organizerOfNode",
    path: "/manage/banks/:bankId",
    bankParam: true,
    loader: true,
    action: true,
    form: form({ action: "retire" }),
  },
  "manage.banks.$bankId.new": {
    access: "organizerOfNode",
    path: "/manage/banks/:bankId/new",
    bankParam: true,
    loader: true,
    action: true,
    form: form({ type: "SINGLE_CHOICE", stem: "" }),
  },
  "manage.banks.$bankId.import": {
    access: "organizerOfNode",
    path: "/manage/banks/:bankId/import",
    bankParam: true,
    loader: true,
    action: true,
    form: form({ intent: "check" }),
  },
  "manage.banks.$bankId.export": {
    access: "organizerOfNode",
    path: "/manage/banks/:bankId/export",
    bankParam: true,
    loader: true,
  },
  "manage.banks.template[.xlsx]": { access: "organizer", path: "/manage/banks/template.xlsx", loader: true },
  "manage.contests._index": { access: "organizer", path: "/manage/contests", loader: true },
  // The setup forms are posted with a refused value so the right users get a 400, not a change.
  "manage.contests.new": {
    access: "organizer",
    path: "/manage/contests/new",
    loader: true,
    action: true,
    form: form({ title: "" }),
  },
  "manage.contests.$contestId._index": {
    access: "organizerOfNode",
    path: "/manage/contests/:contestId",
    contestParam: true,
    loader: true,
    action: true,
    form: form({ intent: "save", title: "" }),
  },
  "manage.contests.$contestId.rounds.new": {
    access: "organizerOfNode",
    path: "/manage/contests/:contestId/rounds/new",
    contestParam: true,
    loader: true,
    action: true,
    form: form({ intent: "save", name: "" }),
  },
  "manage.contests.$contestId.rounds.$roundId": {
    access: "organizerOfNode",
    path: "/manage/contests/:contestId/rounds/:roundId",
    contestParam: true,
    loader: true,
    action: true,
    form: form({ intent: "save", name: "" }),
  },
  "manage.contests.$contestId.results": {
    access: "organizerOfNode",
    path: "/manage/contests/:contestId/results",
    contestParam: true,
    loader: true,
    action: true,
    form: form({ intent: "reinstate", attemptId: "not-an-attempt" }),
  },
  // The full (unmasked) exports are POSTs with a purpose and a confirmation.
  "manage.contests.$contestId.rounds.$roundId[.xlsx]": {
    access: "organizerOfNode",
    path: "/manage/contests/:contestId/rounds/:roundId.xlsx",
    contestParam: true,
    loader: true,
    action: true,
    form: form({ purpose: "Liên hệ người đoạt giải để trao giải", confirm: "on" }),
  },
  "manage.contests.$contestId.results[.xlsx]": {
    access: "organizerOfNode",
    path: "/manage/contests/:contestId/results.xlsx",
    contestParam: true,
    loader: true,
    action: true,
    form: form({ purpose: "Liên hệ người đoạt giải để trao giải", confirm: "on" }),
  },
  "manage.contests.$contestId.announcement": {
    access: "organizerOfNode",
    path: "/manage/contests/:contestId/announcement",
    contestParam: true,
    loader: true,
  },
  // The contest page itself is public; starting an attempt needs a logged-in user.
  "contests.$slug._index": {
    access: "user",
    path: "/contests/:slug",
    slugParam: true,
    action: true,
    form: () => form({ intent: "start", roundId: demoRoundId })(),
  },
  "contests.$slug.qr[.png]": { access: "public", path: "/contests/:slug/qr.png", slugParam: true, loader: true },
  "contests.$slug.register": {
    access: "user",
    path: "/contests/:slug/register",
    slugParam: true,
    loader: true,
    action: true,
    form: form({ fullName: "" }),
  },
  "attempts.$attemptId._index": {
    access: "owner",
    path: "/attempts/:attemptId",
    attemptParam: true,
    loader: true,
    action: true,
    form: form({ intent: "answer", position: "0", selected: "0" }),
  },
  "attempts.$attemptId.signals": {
    access: "owner",
    path: "/attempts/:attemptId/signals",
    attemptParam: true,
    action: true,
    form: form({ hiddenCount: "1", hiddenMs: "1500" }),
  },
  "attempts.$attemptId.answer": {
    access: "owner",
    path: "/attempts/:attemptId/answer",
    attemptParam: true,
    action: true,
    form: form({ position: "0", selected: "0" }),
  },
  // The action is the contest's satisfaction rating (an empty one is refused with 400).
  "attempts.$attemptId.result": {
    access: "owner",
    path: "/attempts/:attemptId/result",
    attemptParam: true,
    loader: true,
    action: true,
    form: form({ intent: "rate" }),
  },
  // The owner's running attempt is sent back to the attempt page with the reason; others get 404.
  "attempts.$attemptId.certificate[.pdf]": {
    access: "owner",
    path: "/attempts/:attemptId/certificate.pdf",
    attemptParam: true,
    loader: true,
  },
  // Anyone may join a live quiz (a nickname is enough); hosting is for the session's organizers.
  "live._index": { access: "public", path: "/live", loader: true },
  "manage.live._index": {
    access: "organizer",
    path: "/manage/live",
    loader: true,
    action: true,
    form: form({ title: "" }),
  },
  "manage.live.$sessionId._index": {
    access: "organizerOfNode",
    path: "/manage/live/:sessionId",
    liveSessionParam: true,
    loader: true,
  },
  "manage.live.$sessionId.results[.xlsx]": {
    access: "organizerOfNode",
    path: "/manage/live/:sessionId/results.xlsx",
    liveSessionParam: true,
    loader: true,
  },
  "manage.courses._index": { access: "organizer", path: "/manage/courses", loader: true },
  "manage.courses.new": {
    access: "organizer",
    path: "/manage/courses/new",
    loader: true,
    action: true,
    form: form({ title: "" }),
  },
  "manage.courses.$courseId._index": {
    access: "organizerOfNode",
    path: "/manage/courses/:courseId",
    courseParam: true,
    loader: true,
    action: true,
    form: form({ intent: "save", title: "" }),
  },
  "manage.courses.$courseId.lessons.new": {
    access: "organizerOfNode",
    path: "/manage/courses/:courseId/lessons/new",
    courseParam: true,
    loader: true,
    action: true,
    form: form({ title: "" }),
  },
  "manage.courses.$courseId.lessons.$lessonId": {
    access: "organizerOfNode",
    path: "/manage/courses/:courseId/lessons/:lessonId",
    courseParam: true,
    lessonParam: true,
    loader: true,
    action: true,
    form: form({ title: "" }),
  },
  "manage.courses.$courseId.learners": {
    access: "organizerOfNode",
    path: "/manage/courses/:courseId/learners",
    courseParam: true,
    loader: true,
    action: true,
    form: form({ code: "", reason: "" }),
  },
  // The course's xAPI statements as JSON (issue 6, point 7).
  "manage.courses.$courseId.xapi[.json]": {
    access: "organizerOfNode",
    path: "/manage/courses/:courseId/xapi.json",
    courseParam: true,
    loader: true,
  },
  "manage.rosters._index": {
    access: "organizer",
    path: "/manage/rosters",
    loader: true,
    action: true,
    form: form({ courseId: "", group: "" }),
  },
  "manage.rosters.template[.xlsx]": { access: "organizer", path: "/manage/rosters/template.xlsx", loader: true },
  // The token is the organizer's own; an unknown one sends them back to the roster page.
  "manage.rosters.passwords.$token[.xlsx]": {
    access: "organizer",
    path: "/manage/rosters/passwords/00000000-0000-0000-0000-000000000000.xlsx",
    loader: true,
  },
  "manage.training._index": { access: "organizer", path: "/manage/training", loader: true },
  // Population per province/commune (issue 7); the node picked must be within the organizer's scope.
  "manage.population": {
    access: "organizer",
    path: "/manage/population",
    loader: true,
    action: true,
    form: form({ population: "" }),
  },
  "manage.training.new": {
    access: "organizer",
    path: "/manage/training/new",
    loader: true,
    action: true,
    form: form({ title: "" }),
  },
  "manage.training.template[.xlsx]": { access: "organizer", path: "/manage/training/template.xlsx", loader: true },
  "manage.training.$activityId._index": {
    access: "organizerOfNode",
    path: "/manage/training/:activityId",
    activityParam: true,
    loader: true,
    action: true,
    form: form({ title: "" }),
  },
  // An over-long id fails validation, so the right user's call leaves the demo attendance alone.
  "manage.training.$activityId.attendance": {
    access: "organizerOfNode",
    path: "/manage/training/:activityId/attendance",
    activityParam: true,
    loader: true,
    action: true,
    form: form({ present: "x".repeat(100) }),
  },
  "manage.targets._index": { access: "organizer", path: "/manage/targets", loader: true },
  // Indicators of the top node the organizer manages (another's node is 404: indicator-report test).
  "manage.indicators._index": { access: "organizer", path: "/manage/indicators", loader: true },
  "manage.indicators.report[.xlsx]": { access: "organizer", path: "/manage/indicators/report.xlsx", loader: true },
  "manage.indicators.report[.pdf]": { access: "organizer", path: "/manage/indicators/report.pdf", loader: true },
  // Open-data API tokens (issue 7 §6); an empty name is refused with 400, so nothing is created.
  "manage.api-tokens": {
    access: "organizer",
    path: "/manage/api-tokens",
    loader: true,
    action: true,
    form: form({ intent: "create", name: "" }),
  },
  "api.v1.nodes._index": { access: "apiToken", path: "/api/v1/nodes", loader: true },
  "api.v1.nodes.$code.indicators": {
    access: "apiToken",
    path: "/api/v1/nodes/:code/indicators",
    nodeCodeParam: "HP-KIMTHANH",
    loader: true,
  },
  "api.v1.nodes.$code.statistics": {
    access: "apiToken",
    path: "/api/v1/nodes/:code/statistics",
    nodeCodeParam: "HP-KIMTHANH",
    loader: true,
  },
  // The API's OpenAPI description: no data in it.
  "api.v1.openapi[.yaml]": { access: "public", path: "/api/v1/openapi.yaml", loader: true },
  "manage.targets.new": {
    access: "organizer",
    path: "/manage/targets/new",
    loader: true,
    action: true,
    form: form({ name: "" }),
  },
  // A phase without days fails validation, so the right user's call leaves the demo plan alone.
  "manage.targets.$planId": {
    access: "organizerOfNode",
    path: "/manage/targets/:planId",
    planParam: true,
    loader: true,
    action: true,
    form: form({ intent: "addPhase", startsOn: "x" }),
  },
  // Surveys (issue 7 §3): the organizer's screens, and the public page whose answering needs a user
  // (an empty answer is refused with 400, so the right user's call stores nothing).
  "manage.surveys._index": { access: "organizer", path: "/manage/surveys", loader: true },
  "manage.surveys.new": {
    access: "organizer",
    path: "/manage/surveys/new",
    loader: true,
    action: true,
    form: form({ title: "" }),
  },
  "manage.surveys.$surveyId._index": {
    access: "organizerOfNode",
    path: "/manage/surveys/:surveyId",
    surveyParam: true,
    loader: true,
    action: true,
    form: form({ intent: "details", title: "" }),
  },
  "manage.surveys.$surveyId.results": {
    access: "organizerOfNode",
    path: "/manage/surveys/:surveyId/results",
    surveyParam: true,
    loader: true,
  },
  "manage.surveys.$surveyId.results[.xlsx]": {
    access: "organizerOfNode",
    path: "/manage/surveys/:surveyId/results.xlsx",
    surveyParam: true,
    loader: true,
  },
  "manage.surveys.$surveyId.qr[.png]": {
    access: "organizerOfNode",
    path: "/manage/surveys/:surveyId/qr.png",
    surveyParam: true,
    loader: true,
  },
  "s.$code._index": { access: "user", path: "/s/:code", surveyCodeParam: true, action: true },
  // The catalogue and course pages are public; enrolling and studying need a logged-in user
  // (someone not enrolled is sent to the course page).
  "courses._index": { access: "public", path: "/courses", loader: true },
  "courses.$slug._index": {
    access: "user",
    path: "/courses/:slug",
    courseParam: true,
    action: true,
  },
  "learn.$lessonId": {
    access: "user",
    path: "/learn/:lessonId",
    lessonParam: true,
    loader: true,
    action: true,
    form: form({ intent: "startQuiz" }),
  },
  "learn.$lessonId.progress": {
    access: "user",
    path: "/learn/:lessonId/progress",
    lessonParam: true,
    action: true,
  },
  "my.courses": { access: "user", path: "/my/courses", loader: true },
  "my.certificates": { access: "user", path: "/my/certificates", loader: true },
  "certificates.$code[.pdf]": {
    access: "owner",
    path: "/certificates/:code.pdf",
    certificateParam: true,
    loader: true,
  },
  // The public verification page a certificate's QR code opens.
  "v.$code": { access: "public", path: "/v/:code", certificateParam: true, loader: true },
  "manage.questions.$questionId": {
    access: "organizerOfNode",
    path: "/manage/questions/:questionId",
    questionParam: true,
    loader: true,
    action: true,
    form: form({ intent: "submit" }),
  },
};

const routeModules = import.meta.glob<{ loader?: LoaderFunction; action?: ActionFunction }>("../../app/routes/*.tsx");
const routeName = (file: string) => path.basename(file).replace(/\.tsx$/, "");

let runtime: TestRuntime;
let kimThanhBankId = "";
let kimThanhQuestionId = "";
let ownerAttemptId = "";
let demoRoundId = "";
let demoContestId = "";
let demoCourseId = "";
let demoCourseSlug = "";
let demoLessonId = "";
let ownerCertificateCode = "";
let liveSessionId = "";
let demoActivityId = "";
let demoPlanId = "";
let demoSurveyId = "";
const cookies: Record<
  "anonymous" | "contestant" | "learner" | "siblingOrganizer" | "organizer" | "admin" | "owner",
  string
> = {
  owner: "",
  anonymous: "",
  contestant: "",
  learner: "",
  siblingOrganizer: "",
  organizer: "",
  admin: "",
};

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  const db = runtime.db;
  const make = async (role: "CONTESTANT" | "LEARNER" | "ORGANIZER" | "ADMIN", nodeCode: string) =>
    sessionCookie(db, (await createUserWithRole(db, { role, nodeCode })).id);
  cookies.contestant = await make("CONTESTANT", "HP-KIMTHANH-THCS");
  cookies.learner = await make("LEARNER", "HP-KIMTHANH-UBND");
  cookies.siblingOrganizer = await make("ORGANIZER", "HP-HAIAN");
  cookies.organizer = await make("ORGANIZER", "HP-KIMTHANH");
  cookies.admin = await make("ADMIN", "HUE");
  const bank = await db.questionBank.create({
    data: { orgNodeId: await nodeId(db, "HP-KIMTHANH"), name: "Ngân hàng xã (thử)" },
  });
  kimThanhBankId = bank.id;
  const question = await db.question.create({
    data: { bankId: bank.id, type: "TRUE_FALSE", difficulty: "EASY", searchText: "cau hoi", stemKey: "k" },
  });
  const version = await db.questionVersion.create({
    data: {
      questionId: question.id,
      version: 1,
      type: "TRUE_FALSE",
      stem: "Câu hỏi thử",
      options: [
        { text: "Đúng", correct: true },
        { text: "Sai", correct: false },
      ],
      difficulty: "EASY",
      topicNames: [],
    },
  });
  await db.question.update({ where: { id: question.id }, data: { latestVersionId: version.id } });
  kimThanhQuestionId = question.id;

  const owner = await createUserWithRole(db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH-THCS" });
  cookies.owner = await sessionCookie(db, owner.id);
  const contest = await db.contest.findUniqueOrThrow({ where: { slug: DEMO_CONTEST.slug }, include: { rounds: true } });
  await db.registration.create({
    data: { contestId: contest.id, userId: owner.id, fields: {}, consentAt: new Date(), consentVersion: 1 },
  });
  demoRoundId = contest.rounds[0].id;
  demoContestId = contest.id;
  const started = await startAttempt(db, { userId: owner.id, roundId: contest.rounds[0].id });
  if (!started.ok) throw new Error(started.code);
  ownerAttemptId = started.attemptId;
  const liveSession = await db.liveSession.create({
    data: {
      orgNodeId: await nodeId(db, "HP-KIMTHANH"),
      title: "Phiên thử",
      secondsPerQuestion: 20,
      joinCode: "123456",
    },
  });
  liveSessionId = liveSession.id;

  const course = await db.course.findUniqueOrThrow({ where: { slug: DEMO_COURSE.slug } });
  demoCourseId = course.id;
  demoCourseSlug = course.slug;
  demoLessonId = (await db.lesson.findFirstOrThrow({ where: { courseId: course.id }, orderBy: { position: "asc" } }))
    .id;
  const enrolment = await db.enrolment.create({
    data: { courseId: course.id, userId: owner.id, completedAt: new Date() },
  });
  ownerCertificateCode = (await issueCourseCertificate(db, { enrolmentId: enrolment.id })).code;
  demoActivityId = (await db.trainingActivity.findFirstOrThrow({ where: { kind: "OFFLINE", isDemo: true } })).id;
  demoPlanId = (await db.plan.findFirstOrThrow({ where: { isDemo: true, orgNode: { code: "HP-KIMTHANH" } } })).id;
  demoSurveyId = (await db.survey.findUniqueOrThrow({ where: { code: DEMO_SURVEY.code } })).id;
});
afterAll(() => runtime?.stop());

interface Outcome {
  status: number;
  location: string | null;
}

async function call(name: string, kind: "loader" | "action", who: keyof typeof cookies): Promise<Outcome> {
  const entry = ROUTES[name];
  const module = await routeModules[`../../app/routes/${name}.tsx`]();
  const handler = module[kind];
  if (!handler) throw new Error(`${name} has no ${kind}`);
  const params: Record<string, string> = {};
  let urlPath = entry.path;
  if (entry.nodeParam) {
    params.nodeId = await nodeId(runtime.db, entry.nodeParam);
    urlPath = urlPath.replace(":nodeId", params.nodeId);
  }
  if (entry.bankParam) {
    params.bankId = kimThanhBankId;
    urlPath = urlPath.replace(":bankId", kimThanhBankId);
  }
  if (entry.contestParam) {
    params.contestId = demoContestId;
    params.roundId = demoRoundId;
    urlPath = urlPath.replace(":contestId", demoContestId).replace(":roundId", demoRoundId);
  }
  if (entry.slugParam) {
    params.slug = DEMO_CONTEST.slug;
    urlPath = urlPath.replace(":slug", DEMO_CONTEST.slug);
  }
  if (entry.attemptParam) {
    params.attemptId = ownerAttemptId;
    urlPath = urlPath.replace(":attemptId", ownerAttemptId);
  }
  if (entry.courseParam) {
    params.courseId = demoCourseId;
    params.slug = demoCourseSlug;
    urlPath = urlPath.replace(":courseId", demoCourseId).replace(":slug", demoCourseSlug);
  }
  if (entry.lessonParam) {
    params.lessonId = demoLessonId;
    urlPath = urlPath.replace(":lessonId", demoLessonId);
  }
  if (entry.certificateParam) {
    params.code = ownerCertificateCode;
    urlPath = urlPath.replace(":code", ownerCertificateCode);
  }
  if (entry.questionParam) {
    params.questionId = kimThanhQuestionId;
    urlPath = urlPath.replace(":questionId", kimThanhQuestionId);
  }
  if (entry.activityParam) {
    params.activityId = demoActivityId;
    urlPath = urlPath.replace(":activityId", demoActivityId);
  }
  if (entry.planParam) {
    params.planId = demoPlanId;
    urlPath = urlPath.replace(":planId", demoPlanId);
  }
  if (entry.nodeCodeParam) {
    params.code = entry.nodeCodeParam;
    urlPath = urlPath.replace(":code", entry.nodeCodeParam);
  }
  if (entry.surveyParam) {
    params.surveyId = demoSurveyId;
    urlPath = urlPath.replace(":surveyId", demoSurveyId);
  }
  if (entry.surveyCodeParam) {
    params.code = DEMO_SURVEY.code;
    urlPath = urlPath.replace(":code", DEMO_SURVEY.code);
  }
  if (entry.liveSessionParam) {
    params.sessionId = liveSessionId;
    urlPath = urlPath.replace(":sessionId", liveSessionId);
  }
  const headers = new Headers(cookies[who] ? { Cookie: cookies[who] } : {});
  const request =
    kind === "loader"
      ? new Request(`http://localhost${urlPath}`, { headers })
      : new Request(`http://localhost${urlPath}`, { method: "POST", headers, body: entry.form?.() ?? new FormData() });
  try {
    const result = await handler({ request, params, context: {} });
    return result instanceof Response
      ? { status: result.status, location: result.headers.get("Location") }
      : { status: 200, location: null };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location") };
    throw thrown;
  }
}

const isLoginRedirect = (outcome: Outcome) => outcome.status === 302 && (outcome.location ?? "").startsWith("/login");
const gotIn = (outcome: Outcome) => outcome.status !== 403 && outcome.status !== 404 && !isLoginRedirect(outcome);

describe("route guard table", () => {
  it("lists every route file", () => {
    const files = Object.keys(routeModules).map(routeName).sort();
    expect(files.filter((file) => !(file in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((name) => !files.includes(name))).toEqual([]);
  });

  const cases = Object.entries(ROUTES).flatMap(([name, entry]) =>
    (["loader", "action"] as const).filter((kind) => entry[kind]).map((kind) => ({ name, kind, entry })),
  );

  describe.each(cases.filter((c) => c.entry.access === "organizer" || c.entry.access === "organizerOfNode"))(
    "$name $kind",
    ({ name, kind, entry }) => {
      it("sends anonymous visitors to log in", async () => {
        expect(isLoginRedirect(await call(name, kind, "anonymous"))).toBe(true);
      });
      it("refuses contestants and learners with 403", async () => {
        expect((await call(name, kind, "contestant")).status).toBe(403);
        expect((await call(name, kind, "learner")).status).toBe(403);
      });
      if (entry.access === "organizerOfNode") {
        it("refuses an organizer of a sibling commune with 403", async () => {
          expect((await call(name, kind, "siblingOrganizer")).status).toBe(403);
        });
      }
      it("lets the organizer of the node and an admin in", async () => {
        expect(gotIn(await call(name, kind, "organizer"))).toBe(true);
        expect(gotIn(await call(name, kind, "admin"))).toBe(true);
      });
    },
  );

  describe.each(cases.filter((c) => c.entry.access === "user"))("$name $kind", ({ name, kind }) => {
    it("sends anonymous visitors to log in and lets any user in", async () => {
      expect(isLoginRedirect(await call(name, kind, "anonymous"))).toBe(true);
      expect(gotIn(await call(name, kind, "contestant"))).toBe(true);
    });
  });

  describe.each(cases.filter((c) => c.entry.access === "owner"))("$name $kind", ({ name, kind }) => {
    it("sends anonymous visitors to log in, answers 404 to anyone else, lets the owner in", async () => {
      expect(isLoginRedirect(await call(name, kind, "anonymous"))).toBe(true);
      expect((await call(name, kind, "contestant")).status).toBe(404);
      expect((await call(name, kind, "admin")).status).toBe(404);
      expect(gotIn(await call(name, kind, "owner"))).toBe(true);
    });
  });

  describe.each(cases.filter((c) => c.entry.access === "apiToken"))("$name $kind", ({ name, kind }) => {
    it("answers 401 to every session, however privileged: only a bearer token gets in", async () => {
      for (const who of ["anonymous", "contestant", "organizer", "admin"] as const)
        expect((await call(name, kind, who)).status, who).toBe(401);
    });
  });

  describe.each(cases.filter((c) => c.entry.access === "anonymousOnly"))("$name $kind", ({ name, kind }) => {
    it("sends logged-in users home", async () => {
      expect(await call(name, kind, "contestant")).toEqual({ status: 302, location: "/" });
    });
  });

  it("answers an unknown node id like a forbidden one (ids cannot be probed)", async () => {
    const module = await routeModules["../../app/routes/manage.org.$nodeId.tsx"]();
    const loader = module.loader as LoaderFunction;
    const outcome = await Promise.resolve()
      .then(() =>
        loader({
          request: new Request("http://localhost/manage/org/does-not-exist", {
            headers: { Cookie: cookies.organizer },
          }),
          params: { nodeId: "does-not-exist" },
          context: {},
        }),
      )
      .catch((thrown: unknown) => thrown);
    expect(outcome instanceof Response && outcome.status).toBe(403);
  });
});

describe("a survey's public page", () => {
  it("is readable by anyone, and unknown codes and drafts answer 404", async () => {
    const module = await routeModules["../../app/routes/s.$code._index.tsx"]();
    const loader = module.loader as LoaderFunction;
    const load = (code: string) =>
      Promise.resolve()
        .then(() => loader({ request: new Request(`http://localhost/s/${code}`), params: { code }, context: {} }))
        .then((result) => (result instanceof Response ? result.status : 200))
        .catch((thrown: unknown) => (thrown instanceof Response ? thrown.status : thrown));
    expect(await load(DEMO_SURVEY.code)).toBe(200);
    expect(await load("nosuchcode")).toBe(404);
    const draft = await runtime.db.survey.create({
      data: { orgNodeId: await nodeId(runtime.db, "HP-KIMTHANH"), title: "Bản nháp thử", code: "draftguard1" },
    });
    expect(await load(draft.code)).toBe(404);
  });
});
