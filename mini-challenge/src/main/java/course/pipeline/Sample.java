package course.pipeline;

/**
 * One downloaded sample: its id (0, 1, 2, ... in input order) and its raw bytes.
 * Given: you use it as is.
 */
public record Sample(int id, byte[] data) {
}
