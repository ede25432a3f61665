"""A synthetic, internally consistent 部门决算 report in the sample's layout (for tests of the audit rules).

``make_narrative_report(seed, unit, year)`` writes a narrative-only report with the same parts, numbered
sections and sentence templates as data/reports/2024年度广元市昭化区工商业联合会部门决算.txt, including
绩效自评表 tables in the tab-cell text form. Every figure adds up: totals are sums of their parts, shares
and rates are rounded from exact amounts (and chosen well inside their rounding margin), the 附件 restates
the 正文's figures, project execution equals 项目支出.

Two ways to break one figure, for the "mutate one figure, see one rule fire" tests:

- ``overrides``: a printed figure replaced, everything else unchanged (keys are listed by ``figure_keys``);
- a changed ``Synth`` model (``synth_model(seed)``, then edit a project or an indicator), rendered
  consistently everywhere by ``render_report``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

CENT = Decimal("0.01")

PERSONNEL = ("基本工资", "津贴补贴", "奖金", "机关事业单位基本养老保险缴费", "职业年金缴费", "职工基本医疗保险缴费",
             "生活补助", "住房公积金")
PUBLIC = ("办公费", "印刷费", "差旅费", "会议费", "公务接待费", "工会经费", "其他交通费")
CLASSES = ("一般公共服务支出", "社会保障和就业支出", "卫生健康支出", "住房保障支出")


@dataclass
class Indicator:
    一级: str
    二级: str
    三级: str
    性质: str
    指标值: str
    单位: str
    完成值: str
    权重: int | None
    得分: int | None
    原因: str = "无"


@dataclass
class Project:
    code: str
    name: str
    年初预算: Decimal
    调整后预算: Decimal
    执行数: Decimal
    indicators: list[Indicator]
    目标: str = "按期完成年度工作任务，服务对象满意。"
    完成情况: str = "已按期完成年度工作任务，服务对象满意度较高。"
    实施内容: str = "按计划组织实施，资金按进度拨付使用。"
    评价结论: str = "项目实施规范，资金使用合规，达到预期目标。"
    存在问题: str = "宣传力度有待加强"
    改进措施: str = "进一步加强项目管理和宣传"
    执行得分: int | None = None  # None: computed as 权重 × 执行率, rounded down


@dataclass
class Synth:
    personnel: dict[str, Decimal]
    public: dict[str, Decimal]
    项目支出: Decimal
    上年总计: Decimal
    上年机关运行经费: Decimal
    公务用车运行维护费: Decimal
    国内公务接待费: Decimal
    年初预算: dict[str, Decimal]  # by class
    上年会议费: Decimal
    上年差旅费: Decimal
    在职人数: int
    退休人数: int
    projects: list[Project] = field(default_factory=list)


def _d(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def _round(x: Decimal, places: int) -> Decimal:
    return x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _indicators(rng: random.Random) -> list[Indicator]:
    n = rng.choice((6, 9, 12))
    return [
        Indicator("产出指标", "数量指标", "召开座谈会次数", "≥", str(n), "次", str(n + rng.randint(0, 2)), 20, 20),
        Indicator("", "质量指标", "会议组织规范", "定性", "好", "", "好", 10, 10),
        Indicator("", "时效指标", "完成工作时限", "≤", "1", "年", "1", 10, 10),
        Indicator("效益指标", "经济效益指标", "带动企业发展个数", "≥", "5", "家", str(5 + rng.randint(0, 3)), 10, 10),
        Indicator("", "社会效益指标", "解决就业人数", "≥", "100", "人", str(100 + rng.randint(0, 50)), 10, 10),
        Indicator("满意度指标", "服务对象满意度指标", "企业满意率", "≥", "90", "%", str(rng.randint(90, 99)), 20, 20),
        Indicator("成本指标", "经济成本指标", "会议资料费用", "≤", "12", "万元", "12", 10, 10),
    ]


def synth_model(seed: int) -> Synth:
    """Independent quantities of one consistent report; shares and growth rates sit well inside their margins."""
    rng = random.Random(seed)
    for _ in range(10_000):
        personnel = {k: _d(rng.randint(lo, hi)) for k, (lo, hi) in zip(PERSONNEL, (
            (2000, 4000), (800, 2000), (800, 2000), (500, 1200), (300, 900), (150, 400), (300, 900), (300, 700)),
            strict=True)}
        public = {k: _d(rng.randint(lo, hi)) for k, (lo, hi) in zip(PUBLIC, (
            (300, 900), (200, 1500), (200, 1500), (500, 4000), (50, 300), (50, 200), (100, 500)), strict=True)}
        projects = _projects(rng)
        m = Synth(
            personnel=personnel, public=public, 项目支出=sum((p.执行数 for p in projects), Decimal(0)),
            上年总计=_d(rng.randint(12000, 20000)), 上年机关运行经费=_d(rng.randint(1500, 6000)),
            公务用车运行维护费=_d(rng.randint(20, 150)), 国内公务接待费=public["公务接待费"],
            年初预算={}, 上年会议费=_d(rng.randint(300, 3000)), 上年差旅费=_d(rng.randint(200, 1500)),
            在职人数=rng.randint(3, 12), 退休人数=rng.randint(1, 8), projects=projects,
        )
        m.public["公务接待费"] = m.国内公务接待费
        m.年初预算 = {c: v + _d(rng.randint(-300, 300)) for c, v in classes(m).items()}
        if _comfortable(m):
            return m
    raise RuntimeError("no consistent report found")  # pragma: no cover


def _projects(rng: random.Random) -> list[Project]:
    names = ("企业联席会议经费", "企业家座谈会经费", "驻外商会经费")
    out = []
    for i, name in enumerate(names[: rng.randint(2, 3)]):
        budget = _d(rng.randint(500, 3000))
        done = budget if i != 1 else _d(int(budget * 100 * Decimal("0.95")))
        out.append(Project(f"51081124Y0000114148{20 + i * 7:02d}", name, budget, budget, done, _indicators(rng)))
    return out


def classes(m: Synth) -> dict[str, Decimal]:
    return {
        "一般公共服务支出": 行政运行(m) + m.项目支出,
        "社会保障和就业支出": m.personnel["生活补助"] + m.personnel["机关事业单位基本养老保险缴费"] + m.personnel["职业年金缴费"],
        "卫生健康支出": m.personnel["职工基本医疗保险缴费"],
        "住房保障支出": m.personnel["住房公积金"],
    }


def 人员经费(m: Synth) -> Decimal:
    return sum(m.personnel.values(), Decimal(0))


def 公用经费(m: Synth) -> Decimal:
    return sum(m.public.values(), Decimal(0))


def 基本支出(m: Synth) -> Decimal:
    return 人员经费(m) + 公用经费(m)


def 总计(m: Synth) -> Decimal:
    return 基本支出(m) + m.项目支出


def 行政运行(m: Synth) -> Decimal:
    p = m.personnel
    return 基本支出(m) - (p["生活补助"] + p["机关事业单位基本养老保险缴费"] + p["职业年金缴费"]
                       + p["职工基本医疗保险缴费"] + p["住房公积金"])


def _comfortable(m: Synth) -> bool:
    """Every printed one-decimal percentage lies within 0.02 of its exact value (so small mutations elsewhere
    never push it over its margin), and every derived figure is positive."""
    total = 总计(m)
    sangong = m.公务用车运行维护费 + m.国内公务接待费
    exact = [100 * 基本支出(m) / total, 100 * m.项目支出 / total,
             *(100 * v / total for v in classes(m).values()),
             100 * m.公务用车运行维护费 / sangong, 100 * m.国内公务接待费 / sangong,
             100 * (total - m.上年总计) / m.上年总计,
             100 * (公用经费(m) - m.上年机关运行经费) / m.上年机关运行经费]
    return all(abs(x - _round(x, 1)) <= Decimal("0.02") for x in exact) and 行政运行(m) > 0 and total > m.上年总计


# ---- printed figures ---------------------------------------------------------------------------


def printed_figures(m: Synth) -> dict[str, Any]:
    """Every figure the report prints, by key; ``render_report`` takes overrides with these keys."""
    total = 总计(m)
    cls = classes(m)
    sangong = m.公务用车运行维护费 + m.国内公务接待费
    f: dict[str, Any] = {
        "收入总计": total, "支出总计": total, "总计.增减额": total - m.上年总计,
        "总计.增长率": _round(100 * (total - m.上年总计) / m.上年总计, 1),
        "本年收入合计": total, "一般公共预算财政拨款收入": total, "一般公共预算财政拨款收入.占比": Decimal(100),
        "本年支出合计": total, "基本支出": 基本支出(m), "基本支出.占比": _round(100 * 基本支出(m) / total, 1),
        "项目支出": m.项目支出, "项目支出.占比": _round(100 * m.项目支出 / total, 1),
        "财政拨款总计": total, "一般公共预算财政拨款支出": total, "一般公共预算财政拨款支出.占比": Decimal(100),
        "一般公共预算财政拨款基本支出": 基本支出(m), "人员经费": 人员经费(m), "公用经费": 公用经费(m),
        "三公经费": sangong, "三公经费.完成预算": Decimal(100),
        "因公出国（境）费": Decimal(0), "公务用车购置及运行维护费": m.公务用车运行维护费,
        "公务接待费": m.国内公务接待费,
        "因公出国（境）费.占比": Decimal(0),
        "公务用车购置及运行维护费.占比": _round(100 * m.公务用车运行维护费 / sangong, 1),
        "公务接待费.占比": _round(100 * m.国内公务接待费 / sangong, 1),
        "公务用车.预算": m.公务用车运行维护费, "公务用车.完成预算": Decimal(100),
        "公务用车购置费": Decimal(0), "公务用车运行维护费": m.公务用车运行维护费,
        "公务接待费.完成预算": Decimal(100), "国内公务接待费": m.国内公务接待费, "外事接待费": Decimal(0),
        "机关运行经费": 公用经费(m), "机关运行经费.增减额": 公用经费(m) - m.上年机关运行经费,
        "机关运行经费.增长率": _round(100 * (公用经费(m) - m.上年机关运行经费) / m.上年机关运行经费, 1),
        "附件.年初预算": sum(m.年初预算.values(), Decimal(0)), "附件.决算": total,
        "附件.公务接待费元": int(m.国内公务接待费 * 10000), "附件.公务接待费上年元": int(m.国内公务接待费 * 10000),
        "附件.会议费": m.public["会议费"], "附件.会议费增减": m.public["会议费"] - m.上年会议费,
        "附件.差旅费": m.public["差旅费"], "附件.差旅费增减": m.public["差旅费"] - m.上年差旅费,
        "资产.单位名": "", "资产.截至年": 0,
    }
    for c in CLASSES:
        f[f"类.{c}"] = cls[c]
        f[f"类.{c}.占比"] = _round(100 * cls[c] / total, 1)
        f[f"附件.收入预算.{c}"] = m.年初预算[c]
        f[f"附件.收入.{c}"] = cls[c]
        f[f"附件.支出预算.{c}"] = m.年初预算[c]
        f[f"附件.支出.{c}"] = cls[c]
    p = m.personnel
    f.update({
        "项.行政运行": 行政运行(m), "项.一般行政管理事务": m.项目支出, "项.行政单位离退休": p["生活补助"],
        "项.机关事业单位基本养老保险缴费支出": p["机关事业单位基本养老保险缴费"],
        "项.机关事业单位职业年金缴费支出": p["职业年金缴费"], "项.行政单位医疗": p["职工基本医疗保险缴费"],
        "项.住房公积金": p["住房公积金"],
    })
    for k, v in m.personnel.items():
        f[f"人员.{k}"] = v
    for k, v in m.public.items():
        f[f"公用.{k}"] = v
    for i, pr in enumerate(m.projects):
        rate = _round(100 * pr.执行数 / pr.调整后预算, 2)
        score = pr.执行得分 if pr.执行得分 is not None else int(10 * min(rate, Decimal(100)) / 100)
        ind_w = sum((x.权重 or 0) for x in pr.indicators)
        ind_s = sum((x.得分 or 0) for x in pr.indicators)
        for src in ("总额", "财政资金"):
            f[f"项目{i}.{src}.年初预算"] = pr.年初预算
            f[f"项目{i}.{src}.调整后预算"] = pr.调整后预算
            f[f"项目{i}.{src}.执行数"] = pr.执行数
            f[f"项目{i}.{src}.执行率"] = rate
        f[f"项目{i}.执行得分"] = score
        f[f"项目{i}.合计权重"] = ind_w + 10
        f[f"项目{i}.合计得分"] = ind_s + score
        f[f"项目{i}.年度目标"] = pr.目标
        f[f"项目{i}.评价结论"] = pr.评价结论
    return f


def figure_keys(m: Synth) -> list[str]:
    return list(printed_figures(m))


# ---- rendering ---------------------------------------------------------------------------------


def _m(x: Any) -> str:
    """An amount as printed: two decimals."""
    return f"{Decimal(x):.2f}"


def _p(x: Any) -> str:
    """A percentage as printed: no trailing zeros (86.4, 100)."""
    d = Decimal(x)
    s = f"{d:f}"
    return s.rstrip("0").rstrip(".") if "." in s else s


def make_narrative_report(seed: int, unit: str, year: int, overrides: dict[str, Any] | None = None) -> str:
    return render_report(synth_model(seed), unit, year, overrides)


def render_report(m: Synth, unit: str, year: int, overrides: dict[str, Any] | None = None) -> str:
    f = printed_figures(m)
    unknown = set(overrides or {}) - set(f)
    if unknown:
        raise KeyError(f"unknown figure keys: {sorted(unknown)}")
    f.update(overrides or {})
    last = year - 1
    L: list[str] = []
    add = L.append

    add(f" {year}年度{unit}部门决算")
    add(" 第一部分  部门概况")
    add("")
    add("1、 部门职责")
    add("（一）主要职能。")
    add("1.贯彻落实党和国家的方针政策，做好本部门职责范围内的各项工作。")
    add("2.承办党委或政府交办的其他事项。")
    add(f"（二）{year}年重点工作完成情况。")
    add("1.强化思想政治引领。集中开展理论学习，组织专题培训。")
    add("二、机构设置")
    add(f"{unit}属于一级预算单位，下属预算单位1个，其中行政单位1个，参照公务员法管理的事业单位0个，其他事业单位0个。")
    add(f"纳入{year}年度部门决算编制范围的二级预算单位包括：")
    add(f"1.{unit}")
    add("")
    add(f"第二部分  {year}年度部门决算情况说明")
    add("")
    add("一、收入支出决算总体情况说明")
    if f["收入总计"] == f["支出总计"]:
        add(f"{year}年度收入、支出总计均为{_m(f['收入总计'])}万元。与{last}年度相比，收入、支出总计各增加"
            f"{_m(f['总计.增减额'])}万元，增长{_p(f['总计.增长率'])}%。主要变动原因是业务工作经费增加。")
    else:
        add(f"{year}年度收入总计{_m(f['收入总计'])}万元，支出总计{_m(f['支出总计'])}万元。与{last}年度相比，"
            f"收入、支出总计各增加{_m(f['总计.增减额'])}万元，增长{_p(f['总计.增长率'])}%。主要变动原因是业务工作经费增加。")
    add("")
    add("图1：收、支决算总计变动情况图")
    add("二、收入决算情况说明")
    add(f"{year}年度本年收入合计{_m(f['本年收入合计'])}万元，其中：一般公共预算财政拨款收入"
        f"{_m(f['一般公共预算财政拨款收入'])}万元，占{_p(f['一般公共预算财政拨款收入.占比'])}%。")
    add("图2：收入决算结构图")
    add("三、支出决算情况说明")
    add(f"{year}年度本年支出合计{_m(f['本年支出合计'])}万元，其中：基本支出{_m(f['基本支出'])}万元，占"
        f"{_p(f['基本支出.占比'])}%；项目支出{_m(f['项目支出'])}万元，占{_p(f['项目支出.占比'])}%。")
    add("")
    add("图3：支出决算结构图")
    add("四、财政拨款收入支出决算总体情况说明")
    add(f"{year}年度财政拨款收入、支出总计均为{_m(f['财政拨款总计'])}万元。与{last}年度相比，财政拨款收入总计、支出总计各增加"
        f"{_m(f['总计.增减额'])}万元，增长{_p(f['总计.增长率'])}%。主要变动原因是业务工作经费增加。")
    add("")
    add("图4：财政拨款收、支决算总计变动情况")
    add("五、一般公共预算财政拨款支出决算情况说明")
    add("（一）一般公共预算财政拨款支出决算总体情况")
    add(f"{year}年度一般公共预算财政拨款支出{_m(f['一般公共预算财政拨款支出'])}万元，占本年支出合计的"
        f"{_p(f['一般公共预算财政拨款支出.占比'])}%。与{last}年度相比，一般公共预算财政拨款支出增加"
        f"{_m(f['总计.增减额'])}万元，增长{_p(f['总计.增长率'])}%。主要变动原因是业务工作经费增加。")
    add("")
    add("图5：一般公共预算财政拨款支出决算变动情况")
    add("（二）一般公共预算财政拨款支出决算结构情况")
    parts = "；".join(f"{c}{_m(f['类.' + c])}万元，占{_p(f['类.' + c + '.占比'])}%" for c in CLASSES)
    add(f"{year}年度一般公共预算财政拨款支出{_m(f['一般公共预算财政拨款支出'])}万元，主要用于以下方面：{parts}。")
    add("")
    add("图6：一般公共预算财政拨款支出决算结构")
    add("（三）一般公共预算财政拨款支出决算具体情况")
    add(f"{year}年度一般公共预算财政拨款支出决算数为{_m(f['一般公共预算财政拨款支出'])}万元，完成预算100%。其中：")
    items = (("一般公共服务", "综合事务", "行政运行"), ("一般公共服务", "综合事务", "一般行政管理事务"),
             ("社会保障和就业", "行政事业单位养老支出", "行政单位离退休"),
             ("社会保障和就业", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出"),
             ("社会保障和就业", "行政事业单位养老支出", "机关事业单位职业年金缴费支出"),
             ("卫生健康", "行政事业单位医疗", "行政单位医疗"), ("住房保障支出", "住房改革支出", "住房公积金"))
    for n, (lei, kuan, xiang) in enumerate(items, 1):
        add(f"{n}.{lei}（类）{kuan}（款）{xiang}（项）：支出决算为{_m(f['项.' + xiang])}万元，完成预算100%。"
            "决算数与全年预算数持平。")
    add("六、一般公共预算财政拨款基本支出决算情况说明\t")
    add(f"{year}年度一般公共预算财政拨款基本支出{_m(f['一般公共预算财政拨款基本支出'])}万元，其中：")
    add(f"人员经费{_m(f['人员经费'])}万元，主要包括：" + "、".join(f"{k}{_m(f['人员.' + k])}万元" for k in PERSONNEL) + "。")
    public = "、".join(f"{k}{_m(f['公用.' + k])}万元" for k in PUBLIC)
    add(f"\u3000\u3000公用经费{_m(f['公用经费'])}万元，主要包括：{public}。")
    add("七、财政拨款“三公”经费支出决算情况说明")
    add("（一）“三公”经费财政拨款支出决算总体情况说明")
    add(f"{year}年度“三公”经费财政拨款支出决算为{_m(f['三公经费'])}万元，完成预算{_p(f['三公经费.完成预算'])}%，较上年度无变化。"
        "决算数与预算数持平的主要原因是厉行节约，严控三公经费支出。")
    add("（二）“三公”经费财政拨款支出决算具体情况说明")
    add(f"{year}年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算{_m(f['因公出国（境）费'])}万元，占"
        f"{_p(f['因公出国（境）费.占比'])}%；公务用车购置及运行维护费支出决算{_m(f['公务用车购置及运行维护费'])}万元，占"
        f"{_p(f['公务用车购置及运行维护费.占比'])}%；公务接待费支出决算{_m(f['公务接待费'])}万元，占"
        f"{_p(f['公务接待费.占比'])}%。具体情况如下：")
    add("")
    add("图7：“三公”经费财政拨款支出结构")
    add(f"1.因公出国（境）经费预算为0万元，支出决算为{_m(f['因公出国（境）费'])}万元，年初未安排预算。"
        f"因公出国（境）支出决算与{last}年持平，因公出国（境）支出决算较{last}年度无变化。")
    add(f"2.公务用车购置及运行维护费预算为{_m(f['公务用车.预算'])}万元,支出决算为{_m(f['公务用车购置及运行维护费'])}万元，"
        f"完成预算的{_p(f['公务用车.完成预算'])}%。公务用车购置及运行维护费支出决算与{last}年度持平。")
    add("")
    add(f"其中：公务用车购置费支出{_m(f['公务用车购置费'])}万元。全年按规定更新购置公务用车0辆，其中：轿车0辆、金额0万元，"
        f"越野车0辆、金额0万元。截至{year}年12月31日，本部门共有公务用车1辆，其中：轿车1辆。")
    add(f"公务用车运行维护费支出{_m(f['公务用车运行维护费'])}万元。")
    add(f"3.公务接待费支出{_m(f['公务接待费'])}万元，完成预算{_p(f['公务接待费.完成预算'])}%。公务接待费支出决算较{last}年度持平。"
        "主要原因是厉行节约，严控三公经费支出。其中：")
    add(f"国内公务接待支出{_m(f['国内公务接待费'])}万元，主要用于执行公务、开展业务活动开支的交通费、住宿费、用餐费。"
        f"国内公务接待10批次，40人次，共计支出{_m(f['国内公务接待费'])}万元。")
    add(f"外事接待支出{_m(f['外事接待费'])}万元，外事接待0批次，0人次，共计支出{_m(f['外事接待费'])}万元。")
    add("八、政府性基金预算支出决算情况说明")
    add(f"{year}年度政府性基金预算财政拨款支出0万元，占本年支出合计的0%。与{last}年度相比，政府性基金预算财政拨款支出数与上年持平。")
    add("九、国有资本经营预算支出决算情况说明")
    add(f"{year}年度国有资本经营预算财政拨款支出0万元，占本年支出合计的0%。与{last}年度相比，国有资本经营预算财政拨款支出数与上年持平。")
    add("十、其他重要事项的情况说明")
    add("（一）机关运行经费支出情况")
    add(f"{year}年度，{unit}机关运行经费支出{_m(f['机关运行经费'])}万元，比{last}年度增加{_m(f['机关运行经费.增减额'])}万元，"
        f"增长{_p(f['机关运行经费.增长率'])}%。主要原因是业务工作量增加。")
    add("（二）政府采购支出情况")
    add(f"{year}年度，{unit}未发生政府采购支出。")
    add("（三）国有资产占有使用情况")
    holder = f["资产.单位名"] or unit
    at = f["资产.截至年"] or year
    add(f"截至{at}年12月31日，{holder}共有车辆1辆，其中：主要负责人用车0辆、机要通信用车0辆、应急保障用车0辆、其他用车1辆。"
        "单价100万元（含）以上设备（不含车辆）0台（套）。")
    add("（四）预算绩效管理情况")
    n = len(m.projects)
    add(f"根据预算绩效管理要求，{unit}在{year}年度预算编制阶段，组织对{n}个项目开展了预算事前绩效评估，对{n}个项目编制了绩效目标，"
        f"预算执行过程中，选取{n}个项目开展绩效监控。")
    add(f"组织对{year}年度一般公共预算项目开展绩效自评，其中，{unit}部门整体绩效自评得分为95分。绩效自评报告详见附件。")
    add("")
    add("第三部分  名词解释")
    add("")
    add("一、财政拨款收入：指单位从同级财政部门取得的财政预算资金。")
    add("二、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。")
    add("三、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。")
    add("")
    add("第四部分  附件")
    add("附件1")
    add("")
    add("部门预算绩效评价报告")
    add("")
    add("一、部门基本情况")
    add("（一）人员概况。")
    add(f"{year}年末单位实有在职人员{m.在职人数}人、退休人员{m.退休人数}人。")
    add("二、部门资金收支情况")
    add("（一）收入情况。")
    budgets = "，".join(f"{c}{_m(f['附件.收入预算.' + c])}万元" for c in CLASSES)
    actuals = "，".join(f"{c}{_m(f['附件.收入.' + c])}万元" for c in CLASSES)
    add(f"本部门{year}年年初预算收入{_m(f['附件.年初预算'])}万元：{budgets}。")
    add(f"本部门{year}年决算收入{_m(f['附件.决算'])}万元：{actuals}。")
    add("（二）支出情况。")
    budgets = "，".join(f"{c}{_m(f['附件.支出预算.' + c])}万元" for c in CLASSES)
    actuals = "，".join(f"{c}{_m(f['附件.支出.' + c])}万元" for c in CLASSES)
    add(f"本部门{year}年年初预算支出{_m(f['附件.年初预算'])}万元：{budgets}。")
    add(f"本部门{year}年决算支出{_m(f['附件.决算'])}万元：{actuals}。")
    add("三、部门预算绩效分析")
    add("（一）部门预算总体绩效分析。")
    add("2.过程管控情况")
    meeting, travel = f["附件.会议费增减"], f["附件.差旅费增减"]
    add(f"（1）严控一般支出。① “三公”经费支出情况：{year}年度我部门没有出国（境）事项发生，此项费用不存在；"
        f"本年度公务接待费支出{f['附件.公务接待费元']}元，与上年{f['附件.公务接待费上年元']}元持平。"
        f"②会议费支出情况：本年度会议费支出{_m(f['附件.会议费'])}万元较上年支出{'增加' if meeting >= 0 else '减少'}"
        f"{_m(abs(meeting))}万元。原因是本年会议次数变化。③培训费支出情况：本年度没有产生培训费。"
        f" ④差旅费支出情况：本年度差旅费支出{_m(f['附件.差旅费'])}万元较上年支出{'增加' if travel >= 0 else '减少'}"
        f"{_m(abs(travel))}万元。原因是本年出差次数变化。")
    add("（2）执行进度，本部门预算项目年终12月预算执行进度达到100%。部门预算项目资金无结余。")
    add("四、评价结论及建议")
    add("（一）评价结论。")
    add("项目实施过程中，建立健全相关制度、机制，并严格执行。总体来说项目审核严格，管理到位，自评得分为95分。")
    add(f"附表：部门预算项目支出绩效自评表（{year}年度）")
    for i, pr in enumerate(m.projects):
        L.extend(_table(i, pr, f, unit, year))
    return "\n".join(L) + "\n"


def _row(*cells: Any) -> list[str]:
    """One table row in the text form: a tab-led line per cell, then a blank line."""
    return [*("\t" + ("" if c is None else str(c)) for c in cells), ""]


def _table(i: int, pr: Project, f: dict[str, Any], unit: str, year: int) -> list[str]:
    out: list[str] = []
    if i:
        out += ["", ""]
    out.append(f" \t部门预算项目支出绩效自评表（{year}年度）" if i == 0 else f"\t部门预算项目支出绩效自评表（{year}年度）")
    out.append("")
    out += _row("项目名称", f"{pr.code}-{pr.name}")
    out += _row("主管部门", unit, "实施单位 （盖章）", unit)
    out += _row("项目基本情况", "1.项目年度目标完成情况", "项目年度目标", "年度目标完成情况")
    out += _row("", "", f[f"项目{i}.年度目标"], pr.完成情况)
    out += _row("", "2.项目实施内容及过程概述", pr.实施内容)
    out += _row("预算执行情况（10分）", "年度预算数（万元）", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重",
                "得分", "原因")
    for src, label in (("总额", "总额"), ("财政资金", "其中：财政资金")):
        k = f"项目{i}.{src}"
        row = [_m(f[k + ".年初预算"]), _m(f[k + ".调整后预算"]), _m(f[k + ".执行数"]), f"{Decimal(f[k + '.执行率']):.2f}%"]
        extra = [10, f[f"项目{i}.执行得分"], "无"] if src == "总额" else ["", "", ""]
        out += _row("", label, *row, *extra)
    for label in ("财政专户管理资金", "单位资金"):
        out += _row("", label, "0.00", "0.00", "0.00", "0.00%", "", "", "")
    out += _row("", "其他资金", "", "", "", "", "", "", "")
    out += _row("绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重",
                "得分", "未完成原因分析")
    for x in pr.indicators:
        out += _row("", x.一级, x.二级, x.三级, x.性质, x.指标值, x.单位, x.完成值, x.权重, x.得分, x.原因)
    out += _row("合计", f[f"项目{i}.合计权重"], f[f"项目{i}.合计得分"], "")
    out += _row("评价结论", f[f"项目{i}.评价结论"])
    out += _row("存在问题", pr.存在问题)
    out += _row("改进措施", pr.改进措施)
    out += _row("项目负责人：张三", "财务负责人：李四")[:-1]
    return out


# ---- corpora: many departments and years ---------------------------------------------------------

DEPARTMENTS = (
    "财政局", "司法局", "教育局", "公安局", "民政局", "人力资源和社会保障局", "自然资源局", "生态环境局",
    "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化广播电视和旅游局", "卫生健康局",
    "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局", "林业局", "档案馆",
    "发展和改革局", "经济和信息化局", "科学技术局", "总工会", "妇女联合会", "残疾人联合会", "科学技术协会",
    "红十字会", "机关事务服务中心", "政务服务管理局", "信访局", "融媒体中心", "供销合作社", "文学艺术界联合会",
    "行政审批局", "城市管理局", "综合行政执法局", "乡村振兴局", "民族宗教事务局", "国有资产管理局", "投资促进局",
    "大数据中心", "气象局", "粮食和物资储备局", "体育局", "地方志办公室", "老干部局",
)
REGIONS = tuple(f"{city}{county}" for city in ("广元市", "绵阳市", "德阳市", "南充市", "宜宾市", "泸州市", "达州市",
                                                "巴中市", "遂宁市", "内江市")
                for county in ("昭化区", "利州区", "朝天区", "青川县", "旺苍县", "苍溪县", "剑阁县", "江油市",
                               "安州区", "平武县"))


@dataclass(frozen=True)
class CorpusReport:
    unit: str
    year: int
    seed: int  # the model's seed: ``synth_model(seed)`` gives every figure the report prints


def corpus(n: int, years: tuple[int, ...] = (2023, 2024), seed: int = 0, models: int = 0) -> list[CorpusReport]:
    """``n`` reports: departments (``DEPARTMENTS`` × ``REGIONS``, region by region) each over ``years``.

    Each report's seed is unique unless ``models`` > 0, which reuses that many models (seed mod ``models``) —
    the figures then repeat across departments, but generating 10,000 reports takes seconds instead of minutes.
    """
    out: list[CorpusReport] = []
    units = (f"{r}{d}" for r in REGIONS for d in DEPARTMENTS)
    k = seed
    while len(out) < n:
        unit = next(units)
        for y in years:
            if len(out) < n:
                out.append(CorpusReport(unit, y, k % models if models else k))
                k += 1
    return out


_MODELS: dict[int, Synth] = {}


def cached_model(seed: int) -> Synth:
    """``synth_model(seed)``, computed once per process (finding a consistent model takes ~0.1 s)."""
    if seed not in _MODELS:
        _MODELS[seed] = synth_model(seed)
    return _MODELS[seed]


def write_corpus(directory: Any, reports: list[CorpusReport]) -> list[Any]:
    """Write each report as ``{directory}/{region}/{year}年度{unit}部门决算.txt``; returns the paths."""
    from pathlib import Path

    paths = []
    for r in reports:
        region = next((g for g in REGIONS if r.unit.startswith(g)), "其他")
        path = Path(directory) / region / f"{r.year}年度{r.unit}部门决算.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_report(cached_model(r.seed), r.unit, r.year), encoding="utf-8")
        paths.append(path)
    return paths


__all__ = ["DEPARTMENTS", "REGIONS", "CorpusReport", "Indicator", "Project", "Synth", "cached_model", "corpus",
           "figure_keys", "make_narrative_report", "printed_figures", "render_report", "synth_model", "write_corpus"]
