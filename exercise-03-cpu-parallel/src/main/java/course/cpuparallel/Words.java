package course.cpuparallel;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Splits a document into words: runs of letters, lower-cased. Everything else separates words. */
public final class Words {

    private static final Pattern NOT_A_LETTER = Pattern.compile("\\P{L}+");

    private Words() {
    }

    /** The words of {@code document} in order, lower-cased; an empty list if it has none. */
    public static List<String> split(String document) {
        return Arrays.stream(NOT_A_LETTER.split(document.toLowerCase(Locale.ROOT)))
                .filter(word -> !word.isEmpty())
                .toList();
    }
}
