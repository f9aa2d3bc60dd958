package course.cpuparallel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Generated documents for part C, with the word counts they must give. */
record Documents(List<String> texts, Map<String, Long> expectedCounts) {

    private static final String[] SEPARATORS = {" ", ", ", ". ", "! ", " - ", "\n"};

    /**
     * {@code count} documents of {@code wordsEach} words drawn in turn from {@code vocabulary},
     * with mixed case and punctuation, which {@link Words#split} removes.
     */
    static Documents generate(int count, int wordsEach, List<String> vocabulary) {
        List<String> texts = new ArrayList<>(count);
        Map<String, Long> expected = new TreeMap<>();
        int position = 0;
        for (int d = 0; d < count; d++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < wordsEach; w++, position++) {
                String word = vocabulary.get((position * 7 + d) % vocabulary.size());
                expected.merge(word, 1L, Long::sum);
                text.append(position % 3 == 0 ? word.toUpperCase(Locale.ROOT) : word)
                        .append(SEPARATORS[position % SEPARATORS.length]);
            }
            texts.add(text.toString());
        }
        return new Documents(List.copyOf(texts), expected);
    }

    /**
     * {@code count} copies of one document: {@code distinct} different words, every fourth one
     * followed by one of five frequent words. Tasks that count copies at the same time update the
     * same few counters all the time (the frequent words), and then, when each merges what it
     * counted, insert the same thousands of words in the same order: where a shared map loses
     * updates, it loses some here.
     */
    static Documents copiesOfOne(int count, int distinct) {
        String[] frequent = {"the", "of", "and", "to", "in"};
        StringBuilder text = new StringBuilder();
        Map<String, Long> expected = new HashMap<>();
        for (int w = 0; w < distinct; w++) {
            String word = "w" + letters(w);   // never one of the frequent words
            text.append(word).append(' ');
            expected.merge(word, (long) count, Long::sum);
            if (w % 4 == 0) {
                String common = frequent[w / 4 % frequent.length];
                text.append(common).append(' ');
                expected.merge(common, (long) count, Long::sum);
            }
        }
        return new Documents(Collections.nCopies(count, text.toString()), Map.copyOf(expected));
    }

    /** A letters-only word for a number: 0 -> "a", 25 -> "z", 26 -> "ba", ... */
    static String letters(int number) {
        StringBuilder word = new StringBuilder();
        do {
            word.insert(0, (char) ('a' + number % 26));
            number /= 26;
        } while (number > 0);
        return word.toString();
    }

    /**
     * What is wrong with {@code counts}, in a few lines: how many words are missing, counted too
     * often or too rarely, or not in the documents at all, with a few examples of each; empty if
     * they are exactly the expected counts.
     */
    List<String> differences(Map<String, Long> counts) {
        List<String> missing = new ArrayList<>();
        List<String> tooFew = new ArrayList<>();
        List<String> tooMany = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        expectedCounts.forEach((word, expected) -> {
            Long seen = counts.get(word);
            if (seen == null) {
                missing.add("\"" + word + "\"");
            } else if (seen < expected) {
                tooFew.add("\"" + word + "\" " + seen + " instead of " + expected);
            } else if (seen > expected) {
                tooMany.add("\"" + word + "\" " + seen + " instead of " + expected);
            }
        });
        counts.keySet().stream().filter(word -> !expectedCounts.containsKey(word))
                .forEach(word -> extra.add("\"" + word + "\""));
        List<String> differences = new ArrayList<>();
        add(differences, "missing", missing);
        add(differences, "counted too rarely", tooFew);
        add(differences, "counted too often", tooMany);
        add(differences, "not in the documents", extra);
        return differences;
    }

    private static void add(List<String> differences, String what, List<String> words) {
        if (!words.isEmpty()) {
            differences.add(words.size() + " word(s) " + what + " (" + String.join(", ", words.stream().sorted().limit(3).toList())
                    + (words.size() > 3 ? ", ..." : "") + ")");
        }
    }
}
