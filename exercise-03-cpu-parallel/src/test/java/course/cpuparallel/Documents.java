package course.cpuparallel;

import java.util.ArrayList;
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
}
