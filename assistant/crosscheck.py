"""Parse stage, last step: the narrative's figures against the 公开表 (for the audit).

Both kinds of facts are kept as stated; nothing here changes a value. Where the 情况说明 restates a
table figure (a total, a 类, a 项 of the 一般公共预算 table, the 三公 figures) and the two differ, the
difference is recorded as a ``Discrepancy``; a 项 the narrative explains but no table lists is recorded
too.
"""

from __future__ import annotations

from decimal import Decimal

from .model import Discrepancy, Fact

T1, T2, T3, T4, T5, T6, T7 = (
    "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表", "财政拨款“三公”经费支出决算表",
)
# narrative (表, 科目, 属性) → table (表名, 科目, 属性)
_SAME = {
    ("收入", "收入总计", "金额"): (T1, "收入总计", "金额"),
    ("支出", "支出总计", "金额"): (T1, "支出总计", "金额"),
    ("收入", "本年收入合计", "金额"): (T1, "本年收入合计", "金额"),
    ("支出", "本年支出合计", "金额"): (T1, "本年支出合计", "金额"),
    ("收入", "财政拨款收入", "金额"): (T2, "本年收入合计", "财政拨款收入"),
    ("收入", "其他收入", "金额"): (T1, "其他收入", "金额"),
    ("收入", "上级补助收入", "金额"): (T1, "上级补助收入", "金额"),
    ("收入", "事业收入", "金额"): (T1, "事业收入", "金额"),
    ("收入", "经营收入", "金额"): (T1, "经营收入", "金额"),
    ("支出", "基本支出", "金额"): (T3, "本年支出合计", "基本支出"),
    ("支出", "项目支出", "金额"): (T3, "本年支出合计", "项目支出"),
    ("收入", "财政拨款收入总计", "金额"): (T4, "财政拨款收入总计", "金额"),
    ("支出", "财政拨款支出总计", "金额"): (T4, "财政拨款支出总计", "金额"),
    ("支出", "财政拨款支出", "金额"): (T4, "财政拨款支出", "金额"),
    ("支出", "一般公共预算财政拨款支出", "金额"): (T5, "一般公共预算财政拨款支出", "金额"),
    ("支出", "一般公共预算财政拨款基本支出", "金额"): (T5, "一般公共预算财政拨款支出", "基本支出"),
    ("支出", "人员经费", "金额"): (T6, "人员经费", "金额"),
    ("支出", "公用经费", "金额"): (T6, "公用经费", "金额"),
    ("三公", "三公经费", "决算数"): (T7, "三公经费", "决算数"),
    ("三公", "三公经费", "预算数"): (T7, "三公经费", "预算数"),
    ("三公", "因公出国（境）费", "决算数"): (T7, "因公出国（境）费", "决算数"),
    ("三公", "公务用车购置及运行维护费", "决算数"): (T7, "公务用车购置及运行维护费", "决算数"),
    ("三公", "公务用车购置费", "决算数"): (T7, "公务用车购置费", "决算数"),
    ("三公", "公务用车运行维护费", "决算数"): (T7, "公务用车运行维护费", "决算数"),
    ("三公", "公务接待费", "决算数"): (T7, "公务接待费", "决算数"),
}


def cross_check(facts: tuple[Fact, ...] | list[Fact]) -> list[Discrepancy]:
    tables = [f for f in facts if f.来源类型 == "table" and f.数值 is not None]
    if not tables:
        return []
    index: dict[tuple[str, str, str], Decimal] = {}
    t5_items: dict[str, Fact] = {}
    t5_classes: dict[str, Fact] = {}
    for f in tables:
        index.setdefault((f.表名, f.科目, f.属性), f.数值)  # type: ignore[arg-type]
        if f.表名 == T5 and f.属性 == "金额" and f.科目编码:
            (t5_items if len(f.科目编码) == 7 else t5_classes if len(f.科目编码) == 3 else {}).setdefault(f.科目, f)
    out: list[Discrepancy] = []
    seen: set[tuple[str, str, str, Decimal]] = set()
    missing: set[str] = set()
    for f in facts:
        if f.来源类型 != "narrative" or f.数值 is None or f.章节 != "正文":
            continue
        target = _SAME.get((f.表, f.科目, f.属性))
        stated: Decimal | None = None
        where = ""
        if target and target in index:
            stated, where = index[target], f"{target[0]}“{target[1]}”{target[2]}"
        elif f.口径 == "功能分类" and f.属性 == "金额" and f.项:
            row = t5_items.get(f.项)
            if row is None:
                if f.项 not in missing:
                    missing.add(f.项)
                    out.append(Discrepancy("正文与表", f"正文说明的“{f.类}（类）{f.款}（款）{f.项}（项）”在{T5}中没有对应科目",
                                           None, f.source))
                continue
            stated, where = row.数值, f"{T5}“{row.科目编码} {row.科目}”"
            if (f.类 and row.类 and f.类 != row.类) or (f.款 and row.款 and f.款 != row.款):
                told = f"正文“{f.类}（类）{f.款}（款）{f.项}（项）”与表中“{row.类}/{row.款}/{row.科目}”的类款名称不一致"
                out.append(Discrepancy("正文与表", told, None, f.source))
        elif f.口径 == "功能分类" and f.属性 == "金额" and f.类 and not f.项 and f.科目 in t5_classes:
            row = t5_classes[f.科目]
            stated, where = row.数值, f"{T5}“{row.科目编码} {row.科目}”"
        if stated is None or stated == f.数值:
            continue
        key = (f.表, f.科目, f.属性, f.数值)
        if key in seen:
            continue
        seen.add(key)
        out.append(Discrepancy("正文与表", f"正文“{f.科目}”{f.属性} {f.数值}万元，{where}为 {stated}万元",
                               f.数值 - stated, f.source))
    return out
