//! `--format markdown`: the same content as the terminal, for CI job summaries.

use super::{Renderer, t};
use crate::Lang;
use crate::assess::batch::Summary;
use crate::assess::score::{fmt_num, fmt2};
use crate::assess::{Assessment, PlanStatus, star_glyphs};
use std::fmt::Write;

pub struct Markdown;

/// Pipes and newlines would break a table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn entity(a: &Assessment, lang: Lang, out: &mut String) {
    let _ = writeln!(
        out,
        "## {} — {} {}\n",
        cell(&a.name),
        star_glyphs(a.stars),
        a.stars_label
    );
    let _ = writeln!(
        out,
        "**{}** {}{} · **{}** {} / 100 · `{}`\n",
        t(lang, "评级", "Rating"),
        a.stars_label,
        a.tier
            .as_deref()
            .map(|x| format!(" ({x})"))
            .unwrap_or_default(),
        t(lang, "总分", "Total"),
        fmt2(a.score),
        cell(&a.file)
    );
    let _ = writeln!(
        out,
        "{}: {} · {} · `{}`\n",
        t(lang, "标准", "Standard"),
        a.standard.code,
        a.standard.edition,
        a.standard.id
    );
    for n in &a.notes {
        let _ = writeln!(out, "> {}", cell(n));
    }
    if !a.notes.is_empty() {
        out.push('\n');
    }

    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
        t(lang, "维度", "Dimension"),
        t(lang, "得分", "Score"),
        t(lang, "权重", "Weight"),
        t(lang, "覆盖", "Coverage")
    );
    for d in &a.dimensions {
        let score = match (d.score, d.points) {
            (Some(s), _) => fmt2(s),
            (None, Some(p)) => format!("+{}", fmt2(p)),
            _ => "—".into(),
        };
        let _ = writeln!(
            out,
            "| {} {} | {} | {} | {}/{} |",
            d.code,
            cell(&d.name),
            score,
            d.weight
                .map(fmt_num)
                .unwrap_or_else(|| t(lang, "加分", "bonus").into()),
            d.covered,
            d.indicators
        );
    }

    let _ = writeln!(
        out,
        "\n**{}**: {}\n",
        t(lang, "评级依据", "Why"),
        cell(&a.rating.decided_by.text)
    );
    if let Some(next) = &a.rating.next {
        let _ = writeln!(
            out,
            "**{} {}★ ({})**:\n",
            t(lang, "距下一星级", "Not yet"),
            next.stars,
            next.name
        );
        for c in &next.failing {
            let _ = writeln!(out, "- {}", cell(&c.text));
        }
        out.push('\n');
    }

    let p = &a.next_star;
    match p.status {
        PlanStatus::Top => {}
        PlanStatus::Impossible => {
            let _ = writeln!(
                out,
                "**{}**: {}\n",
                t(lang, "升星方案", "Plan"),
                cell(p.reason.as_deref().unwrap_or(""))
            );
        }
        PlanStatus::Found | PlanStatus::FoundCapped => {
            let _ = writeln!(
                out,
                "### {} {}★ → {} {}\n",
                t(lang, "升星方案", "Plan to"),
                p.target_stars.unwrap_or(0),
                t(lang, "总分", "total"),
                p.total_after.map(fmt2).unwrap_or_default()
            );
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |\n|---|---|---|---|---:|",
                t(lang, "指标", "Indicator"),
                t(lang, "现值", "From"),
                t(lang, "目标", "To"),
                t(lang, "星级", "Stars"),
                t(lang, "加分", "Points")
            );
            for s in &p.steps {
                let _ = writeln!(
                    out,
                    "| {} {} | {} | {} | {}★→{}★ | +{} |",
                    s.code,
                    cell(&s.name),
                    cell(&s.from_text),
                    cell(&s.target_text()),
                    s.stars_from,
                    s.stars_to,
                    fmt2(s.points_gained)
                );
            }
            if let Some(r) = &p.reason {
                let _ = writeln!(out, "\n> {}", cell(r));
            }
            out.push('\n');
        }
    }

    for g in &a.gaps {
        let _ = writeln!(out, "#### {}\n", cell(&super::gaps::title(g, lang)));
        if super::gaps::behind(g).next().is_some() {
            let header = super::gaps::header(lang);
            let _ = writeln!(
                out,
                "| {} | {} |",
                header.join(" | "),
                t(lang, "来源", "Source")
            );
            let _ = writeln!(out, "|{}", "---|".repeat(header.len() + 1));
            for ig in super::gaps::behind(g) {
                let cells: Vec<String> =
                    super::gaps::row(ig, lang).iter().map(|c| cell(c)).collect();
                let source = super::gaps::source_of(&ig.origin).unwrap_or("");
                let _ = writeln!(out, "| {} | {} |", cells.join(" | "), cell(source));
            }
            out.push('\n');
        }
        for line in [
            super::gaps::ahead_line(g, lang),
            super::gaps::dimensions_line(g, lang),
            super::gaps::not_compared_line(g, lang),
        ]
        .into_iter()
        .flatten()
        {
            let _ = writeln!(out, "- {}", cell(&line));
        }
        out.push('\n');
    }

    if let Some(s) = &a.stability {
        let _ = writeln!(
            out,
            "**{}**: {}\n",
            t(lang, "稳定性", "Stability"),
            super::stability_text(a.stars, s, lang)
        );
    }

    let (e, w, i) = a.diagnostic_counts();
    let _ = writeln!(
        out,
        "<details><summary>{} ({} / {} / {})</summary>\n",
        t(
            lang,
            "诊断（错误/警告/提示）",
            "Diagnostics (error/warning/info)"
        ),
        e,
        w,
        i
    );
    if !a.diagnostics.is_empty() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |\n|---|---|---|---|",
            t(lang, "级别", "Severity"),
            t(lang, "位置", "Location"),
            t(lang, "代码", "Code"),
            t(lang, "说明", "Message")
        );
        for d in &a.diagnostics {
            let _ = writeln!(
                out,
                "| {} | {} | `{}` | {} |",
                d.severity,
                cell(&d.location),
                d.code,
                cell(&d.message)
            );
        }
    }
    let _ = writeln!(out, "\n</details>\n");

    let _ = writeln!(
        out,
        "<details><summary>{}</summary>\n\n| {} | {} | {} | {} | {} | {} |\n|---|---|---|---:|---:|---|",
        t(lang, "指标明细", "Indicators"),
        t(lang, "指标", "Indicator"),
        t(lang, "值", "Value"),
        t(lang, "星级", "Stars"),
        t(lang, "得分", "Score"),
        t(lang, "贡献", "Contribution"),
        t(lang, "下一星", "Next star")
    );
    for ind in &a.indicators {
        let _ = writeln!(
            out,
            "| {} {} | {} | {}★ | {} | {} | {} |",
            ind.code,
            cell(&ind.name),
            cell(ind.computation.as_deref().unwrap_or("—")),
            ind.stars,
            ind.score.map(fmt2).unwrap_or_else(|| "—".into()),
            fmt2(ind.contribution),
            ind.next
                .as_ref()
                .map(|n| format!("{}★ {}", n.stars, cell(&n.requirement)))
                .unwrap_or_default()
        );
    }
    let _ = writeln!(out, "\n</details>\n");
}

impl Renderer for Markdown {
    fn entity(&self, a: &Assessment, lang: Lang) -> String {
        let mut out = String::new();
        entity(a, lang, &mut out);
        out
    }

    fn end(&self, s: &Summary, lang: Lang) -> String {
        let mut out = String::new();
        if s.files > 1 || !s.unreadable.is_empty() {
            let _ = writeln!(
                out,
                "## {}\n\n{} / {} {}\n",
                t(lang, "汇总", "Summary"),
                s.assessed,
                s.files,
                t(lang, "个文件已评估", "files assessed")
            );
            if !s.ranking.is_empty() {
                let _ = writeln!(
                    out,
                    "| # | {} | {} | {} |\n|---:|---|---:|---|",
                    t(lang, "名称", "Name"),
                    t(lang, "总分", "Total"),
                    t(lang, "星级", "Stars")
                );
                for r in &s.ranking {
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} | {} |",
                        r.rank,
                        cell(&r.name),
                        fmt2(r.score),
                        star_glyphs(r.stars)
                    );
                }
                out.push('\n');
            }
            let dist: Vec<String> = (0..6)
                .rev()
                .map(|k| format!("{k}★ {}", s.star_distribution[k]))
                .collect();
            let _ = writeln!(out, "{}\n", dist.join(" · "));
            for u in &s.unreadable {
                let _ = writeln!(out, "- ✗ `{}`: {}", cell(&u.file), cell(&u.message));
            }
        }
        out
    }
}
