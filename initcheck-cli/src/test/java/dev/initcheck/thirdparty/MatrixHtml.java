package dev.initcheck.thirdparty;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * reports/third-party.html: the matrix of {@link MatrixReport#document} as one self-contained, responsive page.
 * It renders the Markdown that {@link MatrixReport} writes (headings, bullet lists, pipe tables with {@code \|}
 * escapes, paragraphs; inline code, bold and links), so the page and third-party.md show the same sections, including
 * those of profiles that ran in earlier builds. Each table row's verdict cell is coloured: conforms green, rejected
 * red.
 */
final class MatrixHtml {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");
    private static final String CSS = "*{box-sizing:border-box}body{font:15px/1.45 system-ui,sans-serif;color:#1f2328;"
            + "margin:0 auto;max-width:1400px;padding:8px 16px 40px}h1{font-size:1.45em}h2{font-size:1.2em;"
            + "border-bottom:1px solid #d0d7de;margin-top:2em}h3,h4{font-size:1em;overflow-wrap:anywhere}"
            + "p,li{max-width:80em;overflow-wrap:anywhere}code{font-size:.92em;overflow-wrap:anywhere}"
            + ".scroll{overflow-x:auto;max-width:100%}table{border-collapse:collapse;font-size:12px}"
            + "th,td{border:1px solid #d0d7de;padding:3px 6px;text-align:left;vertical-align:top;min-width:4em}"
            + "th{background:#f6f8fa;position:sticky;top:0}td.ok{background:#dafbe1}td.bad{background:#ffebe9}";

    private MatrixHtml() {
    }

    static String page(String markdown) {
        StringBuilder b = new StringBuilder(markdown.length() * 2);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>Third-party weight initializers</title>"
                + "<style>").append(CSS).append("</style></head>\n<body>\n");
        List<String> lines = markdown.lines().toList();
        int verdictColumn = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("#")) {
                int level = l.indexOf(' ');
                b.append("<h").append(level).append('>').append(inline(l.substring(level + 1))).append("</h")
                        .append(level).append(">\n");
            } else if (l.startsWith("- ")) {
                b.append("<ul>");
                for (; i < lines.size() && lines.get(i).startsWith("- "); i++) {
                    b.append("<li>").append(inline(lines.get(i).substring(2))).append("</li>");
                }
                i--;
                b.append("</ul>\n");
            } else if (l.startsWith("|")) {
                List<String> header = cells(l);
                verdictColumn = header.indexOf("verdict");
                b.append("<div class=\"scroll\"><table><tr>");
                header.forEach(h -> b.append("<th>").append(inline(h)).append("</th>"));
                b.append("</tr>\n");
                for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
                    List<String> row = cells(lines.get(i));
                    b.append("<tr>");
                    for (int c = 0; c < row.size(); c++) {
                        String cls = c != verdictColumn ? "" : row.get(c).startsWith("conforms") ? " class=\"ok\""
                                : row.get(c).contains("rejected") ? " class=\"bad\"" : "";
                        b.append("<td").append(cls).append('>').append(inline(row.get(c))).append("</td>");
                    }
                    b.append("</tr>\n");
                }
                i--;
                b.append("</table></div>\n");
            } else if (!l.isBlank()) {
                b.append("<p>").append(inline(l)).append("</p>\n");
            }
        }
        return b.append("</body></html>\n").toString();
    }

    /** The cells of a pipe-table line; {@code \|} is a literal bar inside a cell. */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String body = line.strip();
        for (int i = 1; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (ch == '|') {
                out.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        return out;
    }

    /** Escapes the text, then renders inline code, bold and links (links to .md files open the Markdown). */
    static String inline(String text) {
        String s = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        s = CODE.matcher(s).replaceAll(m -> Matcher.quoteReplacement("<code>" + m.group(1) + "</code>"));
        s = BOLD.matcher(s).replaceAll(m -> Matcher.quoteReplacement("<b>" + m.group(1) + "</b>"));
        return LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement("<a href=\"" + m.group(2) + "\">"
                + m.group(1) + "</a>"));
    }
}
