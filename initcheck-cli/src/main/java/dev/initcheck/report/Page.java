package dev.initcheck.report;

import java.util.List;
import java.util.Locale;

/**
 * What every report page shares: the head (viewport, inline CSS, no script, no external resource), the banner, the
 * run table, status pills and chart grids. Layout: charts in a grid of columns at least 400 px wide that collapses
 * to one column on narrow screens; wide tables scroll inside their own box; long names and messages wrap.
 */
final class Page {
    private static final String CSS = """
            *{box-sizing:border-box}
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2328;\
            margin:0 auto;max-width:1400px;padding:8px 16px 40px}
            h1{font-size:1.45em;margin:.4em 0;overflow-wrap:anywhere}h2{font-size:1.2em;border-bottom:1px solid #d0d7de;\
            padding-bottom:4px;margin-top:2em}h3{font-size:1.02em;margin:1.2em 0 .4em;overflow-wrap:anywhere}
            p,li{max-width:80em}code{font-size:.92em;overflow-wrap:anywhere}
            .scroll{overflow-x:auto;max-width:100%;margin:8px 0}
            table{border-collapse:collapse;font-size:13px}
            th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td.weak{color:#8c959f}td.name code,td.nw{white-space:nowrap;overflow-wrap:normal}td.law{min-width:16em}tr.module td{background:#f6f8fa;font-weight:600}
            .pill{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;white-space:nowrap}
            .pass{background:#dafbe1;color:#116329}.fail{background:#ffebe9;color:#a40e26}
            .inconclusive{background:#fff8c5;color:#7d4e00}.undeclared{background:#ddf4ff;color:#0550ae}
            .skipped{background:#eaeef2;color:#57606a}
            .banner{padding:8px 12px;border-radius:6px;font-size:1.1em;margin:10px 0;overflow-wrap:anywhere}
            table.meta td{border:none;padding:1px 8px 1px 0}
            .detail{border:1px solid #d0d7de;border-left:4px solid #d0d7de;border-radius:6px;padding:4px 12px 8px;\
            margin:14px 0;min-width:0}
            .detail.fail{border-left-color:#cf222e;background:none;color:inherit}\
            .detail.inconclusive{border-left-color:#bf8700;background:none;color:inherit}\
            .detail.undeclared{border-left-color:#0969da;background:none;color:inherit}
            .detail h3{margin:.5em 0}.msg{white-space:pre-wrap;overflow-wrap:anywhere;font:12px/1.4 ui-monospace,monospace;\
            margin:4px 0}
            ul.checks{padding-left:1.2em;margin:4px 0}ul.checks li{overflow-wrap:anywhere}
            .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,400px),1fr));gap:14px 24px;\
            margin:6px 0 14px}
            figure.chart{margin:0;min-width:0}.yt{font-size:12px;color:#57606a}
            svg.plot{display:block;width:calc(100% - 64px);margin:2px 8px 22px 56px;overflow:visible}
            svg.plot text{font-size:12px;fill:#57606a}svg.plot line.g{stroke:#eaeef2}
            .xt{text-align:center;font-size:12px;color:#57606a;margin-left:48px}
            ul.legend{list-style:none;padding:0;margin:4px 0;font-size:12px;display:flex;flex-wrap:wrap;gap:2px 14px}
            ul.legend i{display:inline-block;width:16px;height:10px;margin-right:5px;vertical-align:middle}
            i.line{border-top:2px solid var(--c);height:0!important}i.dash{border-top:2px dashed var(--c);height:0!important}
            i.box{background:var(--c);opacity:.45}i.dot{width:8px!important;height:8px!important;border-radius:50%;\
            background:var(--c)}
            figcaption{font-size:12px;color:#57606a;overflow-wrap:anywhere}
            """;

    private Page() {
    }

    static void head(StringBuilder b, String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(Html.esc(title)).append("</title>\n<style>\n").append(CSS).append("</style></head>\n<body>\n")
                .append("<h1>").append(Html.esc(title)).append("</h1>\n");
    }

    static void banner(StringBuilder b, String status, String text) {
        b.append("<div class=\"banner ").append(status).append("\">").append(Html.esc(text)).append("</div>\n");
    }

    static void metaRow(StringBuilder b, String k, String v) {
        b.append("<tr><td>").append(Html.esc(k)).append("</td><td>").append(Html.esc(v)).append("</td></tr>");
    }

    static String pill(String status) {
        return "<span class=\"pill " + status + "\">" + status + "</span>";
    }

    /** A grid of figures; null entries (charts with nothing to draw, noted elsewhere) are left out. */
    static void charts(StringBuilder b, List<String> figures) {
        if (figures.stream().allMatch(java.util.Objects::isNull)) {
            return;
        }
        b.append("<div class=\"charts\">\n");
        figures.stream().filter(java.util.Objects::nonNull).forEach(b::append);
        b.append("</div>\n");
    }

    /** Links to the given files, which the caller found beside the page; nothing when there are none. */
    static void related(StringBuilder b, List<String[]> files) {
        if (files.isEmpty()) {
            return;
        }
        b.append("<h2>Related files</h2>\n<ul>");
        for (String[] f : files) {
            b.append("<li><a href=\"").append(Html.esc(f[0])).append("\">").append(Html.esc(f[0])).append("</a>: ")
                    .append(Html.esc(f[1])).append("</li>");
        }
        b.append("</ul>\n");
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
