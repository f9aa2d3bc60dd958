package course.grader.report;

/** The files a submission changed that trusted grading did not use. */
final class NotUsed {

    private NotUsed() {
    }

    /** The list under its heading, each line starting with {@code bullet} (two spaces when empty); "" when none. */
    static String render(Results results, String bullet) {
        if (results.notUsed().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nChanged but not used (graded with the teacher's copy instead; only each")
                .append(" exercise's src/main/java and the self-check answers count):\n");
        if (!bullet.isEmpty()) {
            out.append('\n');
        }
        results.notUsed().forEach(file -> out.append(bullet.isEmpty() ? "  " : bullet).append(file).append('\n'));
        return out.toString();
    }
}
