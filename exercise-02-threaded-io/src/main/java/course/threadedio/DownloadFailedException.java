package course.threadedio;

/** A download failed; {@link #itemId()} says which one, {@link #getCause()} why. */
public class DownloadFailedException extends Exception {

    private final int itemId;

    public DownloadFailedException(int itemId, Throwable cause) {
        super("download of item " + itemId + " failed: " + cause, cause);
        this.itemId = itemId;
    }

    public int itemId() {
        return itemId;
    }
}
