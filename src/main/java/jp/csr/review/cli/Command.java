package jp.csr.review.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jp.csr.review.console.ExitCode;
import jp.csr.review.store.StoreUse;
import jp.csr.review.store.StoreUse.Access;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Every command of PRODUCT.md §7 in one place: its name as typed, what it does with the store at start-up, and
 * its usage as {@code help} prints it (in this order).
 */
enum Command {

	RUN("run", Access.WRITE, ExitCode.USAGE, "集計を1回実行する", "run",
			List.of("入力フォルダ (review.input-dir) の提出ブックを取り込み、", "振り返りブックを出力フォルダ (review.output-dir) に書きます。"),
			"0 すべて受理 · 3 完了、差戻しあり · 1 失敗 (失敗したステップと再開コマンドを表示)", "2 使い方・設定の誤り · 4 別の実行が進行中"),

	VALIDATE("validate", Access.NONE, ExitCode.USAGE, "提出ブックを検査する (何も保存しない)", "validate FILE…",
			List.of("実行と同じ検査をして、見つかった問題をすべて表示します。ストアには何も保存しません。"),
			"0 すべて問題なし · 3 差戻しになるファイルあり · 2 使い方の誤り") {
		@Override
		void addParameters(CommandSpec spec) {
			spec.addPositional(PositionalParamSpec.builder().paramLabel("FILE").arity("1..*").required(true)
				.type(List.class).auxiliaryTypes(String.class)
				.description("検査する提出ブック (1つ以上。今いるフォルダからの相対パスも可)").build());
		}
	},

	TEMPLATE("template", Access.NONE, ExitCode.USAGE, "部署ごとの提出ブックを作る", "template [--department CODE] [--out DIR]",
			List.of("行動計画から、部署ごとに記入用の提出ブックを作ります。"), "0 作成 · 2 使い方・設定の誤り") {
		@Override
		void addParameters(CommandSpec spec) {
			spec.addOption(OptionSpec.builder("--department").paramLabel("CODE").type(String.class)
				.description("この部署のブックだけ作る (部署コード。大文字・小文字は問わない)").build());
			spec.addOption(OptionSpec.builder("--out").paramLabel("DIR").type(String.class)
				.description("書き出すフォルダ (既定: review.output-dir の templates)", "今いるフォルダからの相対パスも可").build());
		}
	},

	/** Reads this term's results: a store it cannot read is a configuration problem. */
	NEXT_TERM("next-term", Access.READ, ExitCode.USAGE, "来期の行動計画ブックを作る", "next-term [--out FILE]",
			List.of("行動計画 (review.plan) とストアにある今期の結果から、来期の行動計画ブックを作ります。",
					"期 + 1、開始年月・終了年月・提出期限は1年後。部署・マテリアリティ・コミットメント・",
					"KPI・取り組みは ID ごと引き継ぎ、KPI の前期実績に今期の受理済みの数値の実績、",
					"取り組みの前期評価に今期の評価 (◎/○/△) を入れます。既にあるファイルは上書きしません。"),
			"0 作成 · 2 使い方・設定の誤り (既にあるファイルも)") {
		@Override
		void addParameters(CommandSpec spec) {
			spec.addOption(OptionSpec.builder("--out").paramLabel("FILE").type(String.class)
				.description("書き出すファイル (既定: review.output-dir の <期+1>期_行動計画.xlsx)", "今いるフォルダからの相対パスも可")
				.build());
		}
	},

	/** A damaged store is reported, and the exit code stays 0. */
	STATUS("status", Access.READ, ExitCode.OK, "最近の実行と部署ごとの提出状況", "status",
			List.of("最近の実行、ステップごとの状態・時間・件数、", "ストアにある期 (期、グループ、ファイル数、最終集計)、", "部署ごとの受理・差戻し・未提出を表示します。"),
			"0"),

	RESTART("restart", Access.WRITE, ExitCode.USAGE, "失敗した実行を再開する", "restart [EXECUTION_ID]",
			List.of("最新の失敗・停止した実行 (または指定の実行) を再開します。完了済みのステップは実行しません。",
					"行動計画・入力フォルダ・出力フォルダなどは、その実行を始めたときの設定を使います。",
					"(この起動の --review.* や config/application.yml と違っても)"),
			"run と同じ") {
		@Override
		void addParameters(CommandSpec spec) {
			spec.addPositional(PositionalParamSpec.builder().paramLabel("EXECUTION_ID").arity("0..1").type(String.class)
				.description("再開する実行のID (省略時は最新の実行)").build());
		}
	},

	DAEMON("daemon", Access.WRITE, ExitCode.USAGE, "review.schedule に従って毎晩実行する", "daemon",
			List.of("常駐し、review.schedule (cron 式) の時刻に集計を実行します。",
					"review.remind.schedule を設定すると、その時刻にリマインドのメールも送ります。", "SIGTERM を受けると、処理中のファイルの後で停止します。"),
			"—"),

	/** It repairs: a database it cannot use is a problem found. */
	CHECK("check", Access.WRITE, ExitCode.PROBLEMS, "ストアを検査し、安全に直せるものは直す", "check",
			List.of("データベースの整合性、保管したファイルの有無と SHA-256、残骸を調べます。", "安全に直せるものは直し、残りを報告します。"),
			"0 問題なし · 3 問題あり · 2 使い方の誤り"),

	/** It records every mail sent, so that a department gets one of a kind a day. */
	REMIND("remind", Access.WRITE, ExitCode.USAGE, "未提出・差戻しの部署にメールで催促する", "remind [--dry-run]",
			List.of("提出状況が未提出の部署には記入用の提出ブックを、差戻しの部署には注記付きの写しを添付して、",
					"行動計画の「連絡先」にメールを送ります。同じ部署に同じ種類のメールは1日1回だけ送ります。",
					"メールサーバーは spring.mail.host など、送信者は review.remind.from で設定します。"),
			"0 すべて送信 (送るものなし) · 3 送れなかった部署あり", "1 メールサーバーに接続できない (何も送信していない) · 2 使い方・設定の誤り") {
		@Override
		void addParameters(CommandSpec spec) {
			spec.addOption(OptionSpec.builder("--dry-run").description("送信せず、送るメール (宛先・件名・添付) を表示する").build());
		}
	},

	/** Answered before the application starts; never runs inside it. */
	HELP("help", Access.NONE, ExitCode.USAGE, "コマンドの使い方を表示する", "help [COMMAND]", List.of(), "0") {
		@Override
		void addParameters(CommandSpec spec) {
			spec.helpCommand(true);
			spec.addPositional(PositionalParamSpec.builder().paramLabel("COMMAND").arity("0..1").type(String.class)
				.description("使い方を表示するコマンド").build());
		}
	};

	static final String PROGRAM = "./review";

	static final String SETTINGS_HINT = "設定の上書き (どのコマンドにも): --review.キー=値  例: --review.input-dir=/srv/share/inbox";

	private final String word;

	private final StoreUse storeUse;

	private final String summary;

	private final String synopsis;

	private final List<String> description;

	private final String[] exitCodes;

	Command(String word, Access access, ExitCode whenStoreUnusable, String summary, String synopsis,
			List<String> description, String... exitCodes) {
		this.word = word;
		this.storeUse = new StoreUse(access, whenStoreUnusable.code());
		this.summary = summary;
		this.synopsis = PROGRAM + " " + synopsis;
		this.description = description;
		this.exitCodes = exitCodes;
	}

	/** The command as typed. */
	String word() {
		return word;
	}

	/**
	 * What the command does with the store: how much of it is checked before anything opens it, and the exit code
	 * when it cannot be used.
	 */
	StoreUse storeUse() {
		return storeUse;
	}

	/**
	 * Whether Flyway brings the schema up to date before the command: not for a command that changes nothing, since
	 * even an up-to-date Flyway validate opens a transaction, which with {@code transaction_mode=IMMEDIATE} waits
	 * for SQLite's write lock, so {@code status} would hang behind a run's chunks until the run ends.
	 */
	boolean migrates() {
		return storeUse.access() == Access.WRITE;
	}

	static Optional<Command> named(String word) {
		return Arrays.stream(values()).filter(c -> c.word.equals(word)).findFirst();
	}

	/** Its usage, as {@code help} and {@code --help} print it. */
	CommandSpec spec() {
		CommandSpec spec = CommandSpec.create().name(word);
		List<String> lines = new ArrayList<>();
		lines.add(summary);
		lines.addAll(description);
		headings(spec).customSynopsis(synopsis)
			.description(lines.toArray(String[]::new))
			.footer(Stream.of(Stream.of(""), Stream.of("終了コード: " + exitCodes[0]),
					Stream.of(exitCodes).skip(1).map(more -> "            " + more), Stream.of(SETTINGS_HINT))
				.flatMap(l -> l)
				.toArray(String[]::new));
		spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("このコマンドの使い方を表示する").build());
		addParameters(spec);
		return spec;
	}

	void addParameters(CommandSpec spec) {
	}

	static UsageMessageSpec headings(CommandSpec spec) {
		return spec.usageMessage()
			.synopsisHeading("使い方: ")
			.commandListHeading("%nコマンド:%n")
			.parameterListHeading("%n引数:%n")
			.optionListHeading("%nオプション:%n")
			.width(100);
	}

}
