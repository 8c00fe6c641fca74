package jp.csr.review.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import jp.csr.review.console.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line of PRODUCT.md §7, read before Spring starts ({@code ReviewApplication.main}) and again by
 * {@link Commands} inside it. Help, the version and every usage error are answered here, at once, without
 * opening the store; only a command that is well formed starts the application.
 * <p>
 * Settings are Spring Boot's ({@code --review.input-dir=/srv/share/inbox}, {@code --spring.*},
 * {@code --logging.*}) and may stand anywhere; a {@code review.*} key must be one of {@link SettingKeys}, so a
 * typo is refused instead of silently running on the defaults. Paths typed on the command line (files to
 * validate, {@code --out}, path settings) are relative to the folder the user typed the command in: the
 * launcher runs the jar from the checkout and says where the user was in {@value #CALLER_DIR}.
 */
public final class ReviewCommandLine {

	/** Set by the launcher {@code review}: the folder the command was typed in. */
	static final String CALLER_DIR = "REVIEW_CALLER_DIR";

	/** What the command line asks for. */
	public sealed interface Outcome permits Answer, Start {
	}

	/** Help, the version or a usage error: printed as it is, nothing started. */
	public record Answer(ExitCode exit, String text) implements Outcome {

		public int code() {
			return exit.code();
		}

		/** Usage printed because of a mistake (stderr), not because it was asked for (stdout). */
		public boolean error() {
			return exit != ExitCode.OK;
		}

	}

	/**
	 * A command to run, and the arguments the application gets: the command's words as typed, and the settings
	 * as {@code --key=value} with typed relative paths made absolute.
	 */
	public record Start(Invocation invocation, String[] springArgs) implements Outcome {
	}

	/**
	 * One well-formed command. Typed paths stay as typed (the console repeats what the user wrote) and are
	 * resolved with {@link #path} against the folder the user was in.
	 */
	public record Invocation(Command command, List<String> files, String department, String out, Long executionId,
			Path base, boolean dryRun) {

		public Path path(String typed) {
			return base == null ? Path.of(typed) : base.resolve(typed);
		}

	}

	private final SettingKeys keys = SettingKeys.load();

	private final Path base;

	/** Whether the command lines of {@link #plain} are read without picocli (always, but for tests comparing the two). */
	private final boolean shortcut;

	private ReviewCommandLine(Path base, boolean shortcut) {
		this.base = base;
		this.shortcut = shortcut;
	}

	/**
	 * @param base the folder typed relative paths are relative to; null for the working directory
	 */
	public static Outcome parse(String[] args, Path base) {
		Remembered known = last;
		if (known != null && known.springArgs().equals(Arrays.asList(args)) && Objects.equals(known.base(), base)) {
			return known.outcome();
		}
		Outcome outcome = new ReviewCommandLine(base, true).parse(args);
		if (outcome instanceof Start start) {
			last = new Remembered(List.of(start.springArgs()), base, outcome);
		}
		return outcome;
	}

	/** As picocli reads it, every command line: what {@link #parse} must answer alike. */
	static Outcome parsedByPicocli(String[] args, Path base) {
		return new ReviewCommandLine(base, false).parse(args);
	}

	/**
	 * The last command line that starts the application, by the arguments it hands Spring: the started
	 * application reads those again ({@code Commands}), and building picocli's model twice was a tenth of a quiet
	 * night's start-up.
	 */
	private static volatile Remembered last;

	private record Remembered(List<String> springArgs, Path base, Outcome outcome) {
	}

	/** The folder the user typed the command in: the launcher's word for it, else the working directory. */
	public static Path callerDir() {
		String dir = System.getenv(CALLER_DIR);
		return dir == null || dir.isBlank() ? null : Path.of(dir);
	}

	private Outcome parse(String[] args) {
		List<String> words = new ArrayList<>();
		List<String> settings = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--")) {
				words.addAll(Arrays.asList(args).subList(i, args.length));
				break;
			}
			String name = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0] : "";
			if (!name.contains(".")) {
				words.add(arg);
				continue;
			}
			String value;
			if (arg.contains("=")) {
				value = arg.substring(arg.indexOf('=') + 1);
			}
			else if (!name.startsWith(SettingKeys.PREFIX)) {
				settings.add(arg); // a flag of Spring's own (--spring.main.lazy-initialization)
				continue;
			}
			else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
				value = args[++i];
			}
			else {
				return refused("--" + name + " には値が必要です (--" + name + "=値)", keysLine());
			}
			Optional<String> problem = unknownSetting(name);
			if (problem.isPresent()) {
				return refused(problem.get(), keysLine());
			}
			if (keys.path(name) && !value.isEmpty() && base != null) {
				value = base.resolve(value).toString();
			}
			settings.add("--" + name + "=" + value);
		}
		Optional<Invocation> plain = shortcut ? plain(words) : Optional.empty();
		if (plain.isPresent()) {
			return new Start(plain.get(), Stream.concat(words.stream(), settings.stream()).toArray(String[]::new));
		}
		CommandLine line = commandLine();
		ParseResult parsed;
		try {
			parsed = line.parseArgs(words.toArray(String[]::new));
		}
		catch (ParameterException ex) {
			return refused(ex);
		}
		if (parsed.isUsageHelpRequested()) {
			return new Answer(ExitCode.OK, line.getUsageMessage());
		}
		if (parsed.isVersionHelpRequested()) {
			return new Answer(ExitCode.OK, version() + System.lineSeparator());
		}
		if (!parsed.hasSubcommand()) {
			return new Answer(ExitCode.USAGE, "コマンドを指定してください" + System.lineSeparator() + line.getUsageMessage());
		}
		ParseResult command = parsed.subcommand();
		CommandLine commandLine = command.commandSpec().commandLine();
		Command name = Command.named(command.commandSpec().name()).orElseThrow();
		if (command.isUsageHelpRequested()) {
			return new Answer(ExitCode.OK, commandLine.getUsageMessage());
		}
		if (name == Command.HELP) {
			return help(line, command.matchedPositionalValue(0, null));
		}
		String id = name == Command.RESTART ? command.matchedPositionalValue(0, null) : null;
		if (name == Command.RESTART && id != null && !id.matches("\\d{1,18}")) {
			return refused(commandLine, "実行IDは数字で指定してください: " + id);
		}
		List<String> files = name == Command.VALIDATE ? command.matchedPositionalValue(0, List.of()) : List.of();
		Invocation invocation = new Invocation(name, files, command.matchedOptionValue("--department", null),
				command.matchedOptionValue("--out", null), id == null ? null : Long.valueOf(id),
				base, command.hasMatchedOption("--dry-run"));
		return new Start(invocation, Stream.concat(words.stream(), settings.stream()).toArray(String[]::new));
	}

	/**
	 * The command lines typed every night ({@code run}, {@code status}, {@code validate FILE…}, {@code restart 12}),
	 * read without picocli: building its model (its classes, converters and usage texts) was a quarter of a quiet
	 * night's start-up. Only words picocli would read the same way qualify: no option, no {@code @file}, no word
	 * that names a command, no empty word, the number of arguments the command takes; anything else, every mistake
	 * included, is picocli's to read and to answer.
	 */
	private Optional<Invocation> plain(List<String> words) {
		Optional<Command> named = words.isEmpty() ? Optional.empty() : Command.named(words.get(0));
		if (named.isEmpty() || named.get() == Command.HELP) {
			return Optional.empty();
		}
		List<String> rest = words.subList(1, words.size());
		for (String word : rest) {
			if (word.isEmpty() || word.startsWith("-") || word.startsWith("@") || Command.named(word).isPresent()) {
				return Optional.empty();
			}
		}
		Command command = named.get();
		boolean fits = switch (command) {
			case VALIDATE -> !rest.isEmpty();
			case RESTART -> rest.isEmpty() || (rest.size() == 1 && rest.get(0).matches("\\d{1,18}"));
			default -> rest.isEmpty();
		};
		if (!fits) {
			return Optional.empty();
		}
		Long id = command == Command.RESTART && !rest.isEmpty() ? Long.valueOf(rest.get(0)) : null;
		List<String> files = command == Command.VALIDATE ? List.copyOf(rest) : List.of();
		return Optional.of(new Invocation(command, files, null, null, id, base, false));
	}

	/** {@code review.*} must be a known key; other dotted options must be Spring Boot's own. */
	private Optional<String> unknownSetting(String name) {
		if (name.startsWith(SettingKeys.PREFIX) ? keys.known(name)
				: name.startsWith("spring.") || name.startsWith("logging.")) {
			return Optional.empty();
		}
		return Optional.of("不明な設定: --" + name
				+ Closest.to(name, keys.names()).map(k -> " (もしかして --" + k + " ?)").orElse(""));
	}

	/** The keys a few to a line: a usage line breaks at the dots of a key otherwise. */
	private String keysLine() {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder("使える設定: ");
		for (String key : keys.names()) {
			String shown = key.endsWith(".") ? key + "…" : key;
			if (line.length() + shown.length() > 80) {
				lines.add(line.toString().stripTrailing());
				line = new StringBuilder("            ");
			}
			line.append(shown).append(' ');
		}
		lines.add(line.toString().stripTrailing());
		lines.add("            (ほかに Spring Boot の --spring.*, --logging.*)");
		return String.join(System.lineSeparator(), lines);
	}

	private Answer help(CommandLine line, String about) {
		if (about == null) {
			return new Answer(ExitCode.OK, line.getUsageMessage());
		}
		CommandLine command = line.getSubcommands().get(about);
		if (command == null) {
			return refused(line, unknownCommand(line, about));
		}
		return new Answer(ExitCode.OK, command.getUsageMessage());
	}

	private static Answer refused(String problem, String more) {
		return new Answer(ExitCode.USAGE, problem + System.lineSeparator() + more + System.lineSeparator());
	}

	/** The problem, then the usage of the command it is about. */
	private static Answer refused(CommandLine where, String problem) {
		return new Answer(ExitCode.USAGE, problem + System.lineSeparator() + System.lineSeparator() + where.getUsageMessage());
	}

	private Answer refused(ParameterException ex) {
		CommandLine where = ex.getCommandLine();
		String name = where.getCommandSpec().name();
		String problem;
		if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
			String arg = unmatched.getUnmatched().get(0);
			if (arg.startsWith("-")) {
				problem = unknownOption(where, arg.split("=", 2)[0]);
			}
			else if (where.getParent() == null) {
				problem = unknownCommand(where, arg);
			}
			else {
				problem = (where.getCommandSpec().positionalParameters().isEmpty() ? name + " は引数をとりません: "
						: name + " の引数が多すぎます: ") + String.join(" ", unmatched.getUnmatched());
			}
		}
		else if (ex instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
			ArgSpec arg = missing.getMissing().get(0);
			problem = arg instanceof OptionSpec option ? option.longestName() + " には値 (" + option.paramLabel() + ") が必要です"
					: name + " には " + arg.paramLabel() + " を指定してください";
		}
		else if (ex instanceof OverwrittenOptionException twice && twice.getOverwritten() instanceof OptionSpec option) {
			problem = option.longestName() + " は1回だけ指定できます";
		}
		else {
			problem = ex.getMessage();
		}
		return refused(where, problem);
	}

	private String unknownOption(CommandLine where, String option) {
		List<String> known = new ArrayList<>(where.getCommandSpec().optionsMap().keySet());
		keys.names().stream().map(k -> "--" + k).forEach(known::add);
		return "不明なオプション: " + option + Closest.to(option, known).map(k -> " (もしかして " + k + " ?)")
			.orElse(" (使えるオプション: " + String.join(", ", where.getCommandSpec().optionsMap().keySet()) + ")");
	}

	private static String unknownCommand(CommandLine root, String word) {
		return "不明なコマンド: " + word
				+ Closest.to(word, root.getSubcommands().keySet()).map(c -> " (もしかして " + c + " ?)").orElse("");
	}

	// ---- the commands and their usage

	private CommandLine commandLine() {
		CommandSpec root = CommandSpec.create().name(Command.PROGRAM).version(version());
		Command.headings(root)
			.customSynopsis(Command.PROGRAM + " <コマンド> [オプション] [--review.キー=値 …]")
			.description("行動計画の提出ブックを集め、検査し、グループの行動計画振り返りブックを作ります。")
			.footer("", Command.SETTINGS_HINT, keysLine(), "", "コマンドごとの使い方: " + Command.PROGRAM + " help <コマンド>");
		root.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("使い方を表示する").build());
		root.addOption(OptionSpec.builder("--version").versionHelp(true).description("バージョンを表示する").build());
		CommandLine line = new CommandLine(root);
		for (Command command : Command.values()) {
			line.addSubcommand(command.word(), command.spec());
		}
		line.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
		return line;
	}

	static String version() {
		Package p = ReviewCommandLine.class.getPackage();
		String version = p.getImplementationVersion();
		return "action-plan-review " + (version == null ? "(バージョン不明: jar からではなくクラスから実行しています)" : version);
	}

}
