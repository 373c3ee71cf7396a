import { Command, type CommanderError, InvalidArgumentError, Option } from "commander";
import type { StartedRuntime, StartOptions } from "~/boot.server";
import { Role } from "~/generated/prisma/enums";
import type { ExportFormat } from "~/questions/export.server";
import type { GlobalOptions } from "./context";
import { type CommandResult, EXIT } from "./output";

/**
 * `npm run cli -- <command>`: operators' bulk and cron jobs. Wiring only; each command lives in
 * its group's module and reports through output.ts. The database is the server's: DATABASE_URL,
 * or the embedded one under DATA_DIR (attached to the running server when it holds it).
 * Command modules are imported when their command runs, so --help and usage errors do not load
 * Prisma and PGlite.
 */
const ROLES = Object.values(Role);
/** EXPORT_FORMATS of export.server, spelled out so that --help does not load the exporters. */
const EXPORT_FORMATS = ["xlsx", "csv", "moodle-xml", "gift", "aiken"] as const satisfies readonly ExportFormat[];
// Fails to compile if export.server gains a format this list lacks.
true satisfies [Exclude<ExportFormat, (typeof EXPORT_FORMATS)[number]>] extends [never] ? true : never;
/** The bank the question commands use when --bank is not given. */
const DEFAULT_BANK = "Ngân hàng câu hỏi";

async function run(
  options: GlobalOptions,
  command: (runtime: StartedRuntime) => Promise<CommandResult>,
  startOptions?: Pick<StartOptions, "migrate">,
): Promise<void> {
  const { runWithRuntime } = await import("./context");
  await runWithRuntime(options, command, startOptions);
}

const program = new Command("npm run cli --")
  .description("Legal Arena command line: org tree, accounts, question banks and database jobs for operators and cron.")
  // Commander exits with 1 on usage errors; 1 is ours (bad input), so usage errors become 2.
  .exitOverride((error: CommanderError) => {
    const shown = error.code === "commander.helpDisplayed" || error.code === "commander.version";
    process.exit(shown ? EXIT.OK : EXIT.USAGE);
  })
  .showHelpAfterError("(add --help for usage)")
  .addHelpText(
    "after",
    `
Every command accepts --json (exactly one JSON value on stdout, nothing else) and --verbose
(logs on stderr; otherwise logs are silenced). The database is DATABASE_URL, or the embedded
database under DATA_DIR (default ./data), shared with the server if it is running.

Exit codes:
  0  done (including "nothing to do")
  1  bad input: validation failed, file unreadable, account exists, … (nothing was written)
  2  usage error: unknown command or option, missing argument
  3  unexpected failure: database unreachable, migration failed, …`,
  );

function common(command: Command): Command {
  return command
    .option("--json", "print one JSON value on stdout instead of text")
    .option("--verbose", "log to stderr (LOG_LEVEL, default info)")
    .addHelpText("after", "\nExit codes: 0 done, 1 bad input (nothing written), 2 usage error, 3 unexpected failure.");
}

common(
  program
    .command("migrate")
    .summary("apply pending database migrations")
    .description("Apply pending database migrations. JSON: {applied: string[], alreadyApplied: number}"),
).action((options: GlobalOptions) =>
  run(options, async (runtime) => (await import("./db")).applyMigrations(runtime), { migrate: false }),
);

common(
  program
    .command("seed")
    .summary("seed demo data into an empty database")
    .description(
      "Seed the demo org tree and accounts into an empty database; does nothing otherwise (exit 0 either way). JSON: {seeded: boolean}",
    ),
).action((options: GlobalOptions) => run(options, async (runtime) => (await import("./db")).seedDemo(runtime)));

common(
  program
    .command("org:import")
    .summary("import an org tree from .xlsx/.csv")
    .description(
      "Import an org tree from .xlsx or .csv (columns: Mã đơn vị, Tên đơn vị, Loại, Mã đơn vị cấp trên) as the system. " +
        "Every row is checked first; if any is bad nothing is written and exit code is 1. " +
        "JSON: {ok, applied, total, created, updated, unchanged, errors: [{line, field, code, message}], fileError?}",
    )
    .argument("<file>", "path of the .xlsx or .csv file")
    .option("--dry-run", "check the file and report, without writing"),
).action((file: string, options: GlobalOptions & { dryRun?: boolean }) =>
  run(options, async (runtime) => (await import("./org")).importOrgFile(runtime.db, file, options)),
);

common(
  program
    .command("org:list")
    .summary("print the org tree")
    .description(
      "Print the org tree in tree order. JSON: [{code, name, type, parentCode}] (parentCode null for roots)",
    ),
).action((options: GlobalOptions) => run(options, async (runtime) => (await import("./org")).listOrgTree(runtime.db)));

common(
  program
    .command("users:create")
    .summary("create an account with a role at an org node")
    .description(
      "Create an account with one role at one org node, checked like registration. Without --password a temporary " +
        "password is generated, printed once, and must be changed at first log-in. Exit 1 if the e-mail/phone exists. " +
        "JSON: {ok, userId, fullName, email, phone, role, nodeCode, mustChangePassword, temporaryPassword} or {ok: false, errors}",
    )
    .requiredOption("--name <full name>", "full name (họ và tên)")
    .addOption(new Option("--email <email>", "e-mail address (give this or --phone)").conflicts("phone"))
    .addOption(new Option("--phone <phone>", "Vietnamese mobile number, e.g. 0912345678 (or --email)"))
    .addOption(new Option("--role <role>", `one of ${ROLES.join(", ")}`).argParser(parseRole).makeOptionMandatory())
    .requiredOption("--node <code>", "org node code, e.g. HP-KIMTHANH")
    .option("--password <password>", "initial password (avoid: it stays in shell history; omit to generate one)"),
).action(
  (
    options: GlobalOptions & {
      name: string;
      email?: string;
      phone?: string;
      role: Role;
      node: string;
      password?: string;
    },
    command: Command,
  ) => {
    if (options.email === undefined && options.phone === undefined)
      command.error("error: give --email <email> or --phone <phone>");
    return run(options, async (runtime) => (await import("./users")).createAccount(runtime.db, options));
  },
);

common(
  program
    .command("questions:import")
    .summary("import questions from .xlsx/.csv/Moodle XML/GIFT/Aiken into a bank")
    .description(
      "Import questions into a bank of an org node as the system, with the checks and report of the web import " +
        "(format found from the extension: .xlsx, .csv, .xml = Moodle XML, .gift, .txt = GIFT or Aiken). " +
        "The bank is created if the node has none of that name. Every question is checked first; if any is bad " +
        "nothing is written and exit code is 1, unless --skip-bad is given: then the good ones are imported and " +
        "exit code is 0 (1 if there is no good one). Questions are imported as drafts unless --approved. " +
        "JSON: {ok, dryRun, bank: {name, created, existed}, format, total, good, bad, imported, " +
        "errors: [{line, code, message}], fileError?, error?}",
    )
    .argument("<file>", "path of the question file")
    .requiredOption("--node <code>", "code of the org node that owns the bank, e.g. HP-KIMTHANH")
    .option("--bank <name>", "bank name (created if missing)", DEFAULT_BANK)
    .option("--dry-run", "check the file and report, without writing")
    .option("--skip-bad", "import the good questions even if some are bad")
    .option("--approved", "import as approved (a bank already reviewed) instead of drafts")
    .option("--no-create-topics", "report topics the bank does not have instead of creating them"),
).action(
  (
    file: string,
    options: GlobalOptions & {
      node: string;
      bank: string;
      dryRun?: boolean;
      skipBad?: boolean;
      approved?: boolean;
      createTopics: boolean;
    },
  ) => run(options, async (runtime) => (await import("./questions")).importQuestionFile(runtime.db, file, options)),
);

common(
  program
    .command("questions:export")
    .summary("export a bank's questions to a file")
    .description(
      "Write a bank's questions (drafts, in review and approved; not retired) to a file in one of the import " +
        "formats. Aiken carries only single-choice questions; the others are counted as skipped. " +
        "Exit 1 if the node or bank does not exist or the file cannot be written. " +
        "JSON: {ok, file, format, count, skipped}",
    )
    .requiredOption("--node <code>", "code of the org node that owns the bank, e.g. HP")
    .option("--bank <name>", "bank name", DEFAULT_BANK)
    .addOption(new Option("--format <format>", "file format").choices(EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption("--out <file>", "file to write (replaced if it exists), e.g. bank.xlsx, bank.xml, bank.gift.txt"),
).action((options: GlobalOptions & { node: string; bank: string; format: ExportFormat; out: string }) =>
  run(options, async (runtime) => (await import("./questions")).exportQuestionFile(runtime.db, options)),
);

common(
  program
    .command("leaderboards:rebuild")
    .summary("rebuild live round leaderboards from the database")
    .description(
      "Rebuild the live leaderboards of every round of published contests that has closed attempts (or of one " +
        "round) in the shared store (REDIS_URL) from PostgreSQL. Exit 1 if the round does not exist. " +
        "JSON: {ok, store, rounds: [{roundId, roundName, contestTitle, entries, final}]}",
    )
    .option("--round <id>", "only this round"),
).action((options: GlobalOptions & { round?: string }) =>
  run(options, async (runtime) =>
    (await import("./leaderboards")).rebuildLeaderboards(runtime.db, runtime.store, options),
  ),
);

common(
  program
    .command("report")
    .summary("a node's periodic indicator report (Excel, PDF or JSON)")
    .description(
      "Compute a node's plan indicators (officials trained, training online, residents reached, satisfaction) " +
        "for a period, against the targets of the plan that covers it, and write the same Excel workbook or PDF " +
        "summary as the dashboard's download. Days are included, as 2025-01-01 or 01/01/2025 (Vietnam time). " +
        "Exit 1 if the node does not exist, the period is invalid or --out is not .xlsx/.pdf. " +
        "JSON: {ok, file, node, period, plan, indicators: [{key, valuePct, numerator, denominator, targetPct, gapPoints, status}], children}",
    )
    .requiredOption("--node <code>", "code of the org node, e.g. HP-KIMTHANH")
    .requiredOption("--from <day>", "first day of the period, e.g. 2025-01-01")
    .requiredOption("--to <day>", "last day of the period, e.g. 2025-12-31")
    .option("--out <file>", "file to write (replaced if it exists): report.xlsx or report.pdf"),
).action((options: GlobalOptions & { node: string; from: string; to: string; out?: string }) =>
  run(options, async (runtime) => (await import("./report")).exportReport(runtime.db, options)),
);

function parseRole(value: string): Role {
  const role = value.trim().toUpperCase() as Role;
  if (!ROLES.includes(role)) throw new InvalidArgumentError(`Allowed choices are ${ROLES.join(", ")}.`);
  return role;
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Commander errors have exited already; this is a bug in a command outside runWithRuntime.
  console.error(error);
  process.exitCode = EXIT.FAILED;
}
// Lingering timers (pool idle timeouts, lock refreshers) must not keep a cron job waiting.
process.exit(process.exitCode ?? EXIT.OK);
