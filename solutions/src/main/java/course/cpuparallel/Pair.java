package course.cpuparallel;

/**
 * One result of an ordered parallel map: an input and the output the work produced for it.
 * Prints as {@code (input, output)}, like the tuples of the Python original.
 */
public record Pair<I, O>(I input, O output) {

    @Override
    public String toString() {
        return "(" + input + ", " + output + ")";
    }
}
