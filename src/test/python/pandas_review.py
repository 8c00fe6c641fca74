#!/usr/bin/python3
"""The consolidation of the product written the way a pandas + openpyxl user would write it.

The scale benchmark (src/test/java/jp/csr/review/bench/ScaleBenchmark.java) runs this script on the same
generated group as the product, in the same run, and prints the ratio of the two wall times. It is meant as an
honest equivalent of the product's core job, not a straw man: workbooks are opened the fast way (read-only,
cached values), the consolidation and the judging are pandas, and only the review workbook is written.

What it does, per docs/PRODUCT.md:
  - reads the plan (概要, 部署, KPI, 取り組み);
  - scans the input folder with its subfolders; identical bytes (SHA-256) are one submission, the oldest
    kept (§3 duplicates); a department's newest accepted file wins (§3 versions);
  - reads every submission with openpyxl and checks the basic rules (§3): the four sheets and their headers,
    期 and 部署コード, IDs of the plan and of the department, the same ID twice, 実績 readable as its kind
    (counts whole and ≥ 0, numbers, 維持 yes/no-words, 定性 words), 進捗 words or percentages; values are
    read after NFKC (full-width digits, units appended, a percent-formatted cell holding 0.985);
  - consolidates with pandas and judges each KPI (以上, 以下, 維持, 増加/減少 against 前期実績, 定性), each
    commitment, and each initiative's mark from 進捗 (§5);
  - writes the review workbook with openpyxl (§6): 振り返り (one row per initiative, materiality, commitment,
    KPI, 実績 and highlight cells merged over their rows, the legend), KPI達成状況, サマリー, 提出状況, 検証結果.

What it does not do, and the product does (so the ratio flatters this script): the store (SQLite, the
archived copies, history across nights, the office's decisions), every message with its cell, the PDF, the
web page, the status board, the decision workbook, the annotated copies of rejected files, .xls/.ods, merged
input cells, formulas without a cached result, and the limits on sizes.

Usage: pandas_review.py PLAN.xlsx INPUT_DIR OUTPUT.xlsx   (prints one line of counts)
"""

import hashlib
import os
import re
import sys
import unicodedata
import warnings
from decimal import Decimal, InvalidOperation

import openpyxl
import pandas as pd
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

# templates written by POI carry no default style: openpyxl warns once per file
warnings.filterwarnings("ignore", message="Workbook contains no default style")

COUNT_UNITS = {"件", "人", "名", "回", "台", "枚", "社", "拠点", "部門"}
YES_WORDS = {"維持", "達成", "取得", "あり", "○", "〇", "はい"}
NO_WORDS = {"未維持", "喪失", "取消", "なし", "×", "いいえ"}
QUALITATIVE = {"達成", "継続中", "未達"}
PROGRESS_MARKS = {"完了": "◎", "継続中": "○", "一部完了": "○", "未完了": "△", "未着手": "△"}
SHEETS = {
    "表紙": None,
    "KPI": ["KPI ID", "KPI", "判定", "目標値", "単位", "実績", "実績表記", "備考"],
    "取り組み": ["取り組みID", "具体的な取り組み", "進捗", "自己評価", "備考"],
    "ハイライト": ["コミットメント", "主な取り組みとハイライト"],
}
LEGEND = ["◎ アクションが完了している", "○ 最終的な評価のみを記載しているがまだアクションが完了していない",
          "△ アクションが完了していない"]
NUMBER = re.compile(r"^([+-]?[0-9][0-9,]*(?:\.[0-9]+)?)\s*(%|[^0-9]*)$")


def norm(value):
    """§4: NFKC, trimmed, runs of white space folded."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(unicodedata.normalize("NFKC", str(value)).split())


def number(value, number_format, unit):
    """A number as §4 reads it, or None: number cells, percent-formatted cells, text with separators and units."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        d = Decimal(repr(value))
        if unit == "%" and "%" in (number_format or ""):
            d *= 100
        return +Decimal(format(d, ".15g"))
    m = NUMBER.match(norm(value))
    if not m or (m.group(2) and m.group(2) not in (unit, "%")):
        return None
    try:
        return Decimal(m.group(1).replace(",", ""))
    except InvalidOperation:
        return None


def read_plan(path):
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)

    def table(name):
        rows = wb[name].iter_rows(values_only=True)
        header = [norm(h) for h in next(rows)]
        return pd.DataFrame([[norm(v) if not isinstance(v, (int, float)) else v for v in r] for r in rows
                             if any(v is not None for v in r)], columns=header)

    summary = {norm(r[0]): r[1] for r in wb["概要"].iter_rows(values_only=True) if r and r[0] is not None}
    departments, kpis, initiatives = table("部署"), table("KPI"), table("取り組み")
    wb.close()
    for column in ("目標値", "前期実績"):
        if column not in kpis:
            kpis[column] = None
        kpis[column] = kpis[column].map(lambda v: None if v in (None, "") else Decimal(str(v)))
    kpis["単位"] = kpis["単位"].fillna("").map(norm)
    return summary, departments, kpis, initiatives


def scan(input_dir):
    """Every .xlsx under the folder, identical bytes once (the oldest), in order of modification."""
    seen, files = {}, []
    for folder, _, names in os.walk(input_dir):
        for name in names:
            if name.endswith(".xlsx") and not name.startswith(("~$", ".")):
                path = os.path.join(folder, name)
                files.append((os.path.getmtime(path), path))
    kept, skipped = [], 0
    for mtime, path in sorted(files):
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        if digest in seen:
            skipped += 1
        else:
            seen[digest] = path
            kept.append((mtime, path, digest))
    return kept, skipped


class Rejected(Exception):
    pass


def read_submission(path, term, plan_kpis, plan_initiatives, department_codes):
    """The file's rows, or Rejected with every error found (§3)."""
    errors, warnings_ = [], []
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        missing = [s for s in SHEETS if s not in wb.sheetnames]
        if missing:
            raise Rejected([f"シート「{s}」がありません" for s in missing])
        cover = {norm(r[0]): r[1] for r in wb["表紙"].iter_rows(max_col=2, values_only=True) if r and r[0]}
        code = norm(cover.get("部署コード"))
        if norm(cover.get("期")) != str(term):
            errors.append(f"表紙: 期 {norm(cover.get('期'))} は計画の {term} ではありません")
        if code not in department_codes:
            raise Rejected(errors + [f"表紙: 部署コード {code} は計画にありません"])
        for label in ("提出者", "提出日"):
            if not norm(cover.get(label)):
                warnings_.append(f"表紙: {label}が空です")
        tables = {}
        for sheet, header in list(SHEETS.items())[1:]:
            rows = wb[sheet].iter_rows()
            found = [norm(c.value) for c in next(rows)]
            if found[:len(header)] != header:
                errors.append(f"{sheet}: 見出しが様式と違います")
                continue
            tables[sheet] = [[(c.value, c.number_format) for c in r[:len(header)]] for r in rows
                             if any(c.value is not None for c in r)]
        if errors:
            raise Rejected(errors)
    finally:
        wb.close()

    mine = plan_kpis[plan_kpis["部署コード"] == code].set_index("KPI ID")
    results, seen = [], set()
    for n, row in enumerate(tables["KPI"], start=2):
        kpi_id = norm(row[0][0])
        if kpi_id not in mine.index:
            errors.append(f"KPI!A{n}: {kpi_id} はこの部署の KPI ではありません")
            continue
        if kpi_id in seen:
            errors.append(f"KPI!A{n}: {kpi_id} が2回あります")
        seen.add(kpi_id)
        plan = mine.loc[kpi_id]
        raw, fmt = row[5]
        text = norm(raw)
        value = None
        if text:
            if plan["判定"] in ("以上", "以下", "増加", "減少"):
                value = number(raw, fmt, plan["単位"])
                if value is None:
                    errors.append(f"KPI!F{n}: 実績 {text} は数値として読めません")
                elif plan["単位"] in COUNT_UNITS and (value < 0 or value != value.to_integral_value()):
                    errors.append(f"KPI!F{n}: 実績 {text} は0以上の整数ではありません")
            elif plan["判定"] == "維持" and text not in YES_WORDS | NO_WORDS:
                errors.append(f"KPI!F{n}: 実績 {text} は維持の結果として読めません")
            elif plan["判定"] == "定性" and text not in QUALITATIVE:
                errors.append(f"KPI!F{n}: 実績 {text} は 達成・継続中・未達 のいずれでもありません")
        else:
            warnings_.append(f"KPI!F{n}: 実績が空です")
        results.append({"KPI ID": kpi_id, "実績": text, "数値": value, "実績表記": norm(row[6][0])})
    for kpi_id in mine.index.difference(list(seen)):
        warnings_.append(f"KPI: {kpi_id} の行がありません")

    mine_i = set(plan_initiatives.loc[plan_initiatives["部署コード"] == code, "取り組みID"])
    progress, seen = [], set()
    for n, row in enumerate(tables["取り組み"], start=2):
        initiative = norm(row[0][0])
        if initiative not in mine_i or initiative in seen:
            errors.append(f"取り組み!A{n}: {initiative} はこの部署の取り組みではないか、2回あります")
            continue
        seen.add(initiative)
        raw, fmt = row[2]
        text = norm(raw)
        mark = PROGRESS_MARKS.get(text)
        if mark is None and text:
            percent = number(raw, fmt, "%")
            if percent is None or not 0 <= percent <= 100:
                errors.append(f"取り組み!C{n}: 進捗 {text} は読めません")
            else:
                mark = "◎" if percent == 100 else "△" if percent == 0 else "○"
        declared = norm(row[3][0])
        if declared and mark and declared != mark:
            warnings_.append(f"取り組み!D{n}: 自己評価 {declared} が進捗による {mark} と違います")
        progress.append({"取り組みID": initiative, "進捗": text, "マーク": mark})
    highlights = {norm(r[0][0]): str(r[1][0] or "") for r in tables["ハイライト"]}
    if errors:
        raise Rejected(errors)
    return code, results, progress, highlights, warnings_


def judge(row):
    """§5, one KPI: (result, attainment)."""
    if row["状態"] != "受理":
        return "未提出", None
    if not row["実績"]:
        return "未報告", None
    rule, value, target = row["判定"], row["数値"], row["目標値"]
    if rule == "以上":
        return ("達成" if value >= target else "未達"), (value / target * 100 if target else None)
    if rule == "以下":
        if value <= target:
            return "達成", Decimal(100)
        return "未達", (target / value * 100 if target else Decimal(0))
    if rule == "維持":
        return ("達成", Decimal(100)) if row["実績"] in YES_WORDS else ("未達", Decimal(0))
    if rule in ("増加", "減少"):
        base = row["前期実績"]
        if base is None:
            return "判定不能", None
        up = value > base if rule == "増加" else value < base
        return ("達成" if up else "未達"), None
    return {"達成": "達成", "未達": "未達"}.get(row["実績"], "継続中"), None


def commitment_result(results):
    r = set(results)
    if r == {"達成"}:
        return "達成"
    if "未達" in r:
        return "未達"
    if r == {"未提出"}:
        return "未提出"
    if r <= {"未報告", "未提出"}:
        return "未報告"
    return "継続中"


def plain(value):
    if value is None:
        return ""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    whole, _, decimals = text.partition(".")
    return f"{int(whole):,}" + (f".{decimals}" if decimals else "")


def write_review(path, title, kpis, initiatives, departments, issues, highlights):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "振り返り"
    ws.append([title])
    ws.append(["マテリアリティ", "コミットメント", "KPI", "実績", "具体的な取り組み", "自己評価",
               "主な取り組みとハイライト"])
    wrap = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(horizontal="center", vertical="center")
    kpis_by_commitment = {c: g for c, g in kpis.groupby("コミットメント", sort=False)}
    row = 3
    for (materiality, commitment), group in initiatives.groupby(["マテリアリティ", "コミットメント"], sort=False):
        k = kpis_by_commitment.get(commitment, kpis.iloc[0:0])
        kpi_text = "\n".join(k["KPI"])
        result_text = "\n".join(k.apply(lambda r: r["実績表記"] or (f"{r['指標名']} {plain(r['数値'])}{r['単位']}"
                                                                    if r["数値"] is not None else r["実績"]), axis=1))
        highlight = "\n\n".join(highlights.get((d, commitment), "") for d in departments["部署コード"]
                                if (d, commitment) in highlights)
        first = row
        for _, i in group.iterrows():
            ws.append([materiality, commitment, kpi_text, result_text, i["具体的な取り組み"], i["マーク"], highlight[:32767]])
            ws.cell(row, 6).alignment = centre
            row += 1
        for column in (1, 2, 3, 4, 7):
            ws.cell(first, column).alignment = wrap
            if row - 1 > first:
                ws.merge_cells(start_row=first, start_column=column, end_row=row - 1, end_column=column)
    for line in LEGEND:
        ws.append([line])
    ws.print_title_rows = "1:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    for column, width in zip("ABCDEFG", (18, 24, 30, 30, 40, 8, 60)):
        ws.column_dimensions[column].width = width

    def sheet(name, frame):
        s = wb.create_sheet(name)
        s.append(list(frame.columns))
        for values in frame.itertuples(index=False):
            s.append([float(v) if isinstance(v, Decimal) else v for v in values])
        for cell in s[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="FFDDEBF7")
        for n in range(1, len(frame.columns) + 1):
            s.column_dimensions[get_column_letter(n)].width = 16
        return s

    sheet("KPI達成状況", kpis[["KPI ID", "部署コード", "マテリアリティ", "コミットメント", "KPI", "判定", "目標値",
                            "前期実績", "実績", "単位", "達成率", "結果", "ファイル", "SHA-256"]])
    counts = pd.crosstab(kpis["マテリアリティ"], kpis["結果"])
    summary = pd.DataFrame({"KPI": kpis.groupby("マテリアリティ", sort=False).size()})
    for result in ("達成", "未達", "継続中", "判定不能", "未報告", "未提出"):
        summary[result] = counts[result] if result in counts else 0
    judged = summary["達成"] + summary["未達"]
    summary["達成率"] = (summary["達成"] / judged.where(judged > 0)).round(3)
    marks = pd.crosstab(initiatives["マテリアリティ"], initiatives["マーク"])
    for mark in ("◎", "○", "△"):
        summary[mark] = marks[mark] if mark in marks else 0
    sheet("サマリー", summary.fillna(0).reset_index())
    sheet("提出状況", departments[["部署コード", "部署名", "状態", "ファイル", "受付日時", "警告"]])
    sheet("検証結果", issues if len(issues) else pd.DataFrame(columns=["ファイル", "重大度", "内容"]))
    temp = path + ".tmp"
    wb.save(temp)
    os.replace(temp, path)


def main(plan_path, input_dir, output):
    summary, departments, kpis, initiatives = read_plan(plan_path)
    term = norm(summary["期"])
    codes = set(departments["部署コード"])
    files, skipped = scan(input_dir)
    accepted, issues, rejected = {}, [], 0
    for mtime, path, digest in files:
        name = os.path.relpath(path, input_dir)
        try:
            code, results, progress, highlights, warned = read_submission(path, term, kpis, initiatives, codes)
        except Rejected as e:
            rejected += 1
            issues += [(name, "エラー", m) for m in e.args[0]]
            continue
        except Exception as e:  # one file never stops the others
            rejected += 1
            issues.append((name, "エラー", f"予期しないエラーのため読み込めませんでした ({type(e).__name__})"))
            continue
        issues += [(name, "警告", m) for m in warned]
        # files are taken oldest first: the newest accepted file of a department wins
        accepted[code] = (name, digest, mtime, results, progress, highlights, len(warned))

    results = pd.DataFrame([dict(r, 部署コード=c, ファイル=a[0], **{"SHA-256": a[1][:12]})
                            for c, a in accepted.items() for r in a[3]],
                           columns=["KPI ID", "実績", "数値", "実績表記", "部署コード", "ファイル", "SHA-256"])
    kpis = kpis.merge(results.drop(columns="部署コード"), on="KPI ID", how="left")
    kpis["状態"] = kpis["部署コード"].map(lambda c: "受理" if c in accepted else "未提出")
    kpis[["実績", "実績表記"]] = kpis[["実績", "実績表記"]].fillna("")
    kpis["数値"] = kpis["数値"].astype(object).where(kpis["数値"].notna(), None)
    judged = kpis.apply(judge, axis=1, result_type="expand")
    kpis["結果"], kpis["達成率"] = judged[0], judged[1].map(lambda v: None if v is None else round(v, 1))

    marks = pd.DataFrame([dict(p) for a in accepted.values() for p in a[4]], columns=["取り組みID", "進捗", "マーク"])
    initiatives = initiatives.merge(marks, on="取り組みID", how="left")
    initiatives["マーク"] = initiatives.apply(
        lambda r: r["マーク"] if r["部署コード"] in accepted else "未提出", axis=1).fillna("")
    commitments = kpis.groupby("コミットメント", sort=False)["結果"].agg(commitment_result)

    departments["状態"] = departments["部署コード"].map(lambda c: "受理" if c in accepted else "未提出")
    departments["ファイル"] = departments["部署コード"].map(lambda c: accepted[c][0] if c in accepted else "")
    departments["受付日時"] = departments["部署コード"].map(
        lambda c: pd.Timestamp(accepted[c][2], unit="s") if c in accepted else None)
    departments["警告"] = departments["部署コード"].map(lambda c: accepted[c][6] if c in accepted else 0)
    highlights = {(c, commitment): text for c, a in accepted.items() for commitment, text in a[5].items()}
    title = (f"{term}期({summary['開始年月']}~{summary['終了年月']}) {norm(summary['グループ名'])}行動計画振り返り")
    write_review(output, title, kpis, initiatives, departments,
                 pd.DataFrame(issues, columns=["ファイル", "重大度", "内容"]), highlights)
    print(f"受理 {len(files) - rejected} / 差戻し {rejected} / スキップ {skipped}; "
          f"部署 {len(accepted)} / {len(departments)}; コミットメント {len(commitments)}; "
          f"KPI 達成 {(kpis['結果'] == '達成').sum()} / 未達 {(kpis['結果'] == '未達').sum()}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[-1])
    main(*sys.argv[1:])
