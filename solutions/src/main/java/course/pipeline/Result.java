package course.pipeline;

/**
 * What the pipeline hands to its consumer: a sample id and what the transform made of it.
 * Given: you use it as is.
 */
public record Result(int sampleId, String value) {
}
