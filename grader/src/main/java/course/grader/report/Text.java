package course.grader.report;

/** Small text helpers shared by the report writers. */
final class Text {

    private Text() {
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    /**
     * Text from a test run (a failure message, code under test's output) made inert in Markdown and
     * HTML: it shows as written, and never becomes a link, an image, a table cell or markup.
     */
    static String markdown(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '(', ')', '!', '|', '#', '~' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Text for a fenced code block: it cannot close the fence. */
    static String fenced(String text) {
        return text.replace("```", "'''");
    }

    static String indent(String text, String prefix) {
        return text.lines().map(l -> prefix + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
