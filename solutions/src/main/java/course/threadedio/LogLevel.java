package course.threadedio;

/** The severity of a log line. */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR
}
