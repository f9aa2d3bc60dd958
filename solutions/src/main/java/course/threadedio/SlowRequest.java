package course.threadedio;

/** A request found in the logs: its id, how long it took and the name of the file it is logged in. */
public record SlowRequest(String requestId, long durationMillis, String file) {
}
