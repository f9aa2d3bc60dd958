package course.pipeline;

/**
 * The error a run fails with when one sample's download or transform fails.
 * Given: you use it as is.
 */
public class SampleFailedException extends RuntimeException {

    private final int sampleId;

    /**
     * @param sampleId the sample whose download or transform failed
     * @param cause    what the source or the transform threw (unwrapped from any
     *                 {@code CompletionException})
     */
    public SampleFailedException(int sampleId, Throwable cause) {
        super("sample " + sampleId + " failed: " + cause, cause);
        this.sampleId = sampleId;
    }

    public int sampleId() {
        return sampleId;
    }
}
