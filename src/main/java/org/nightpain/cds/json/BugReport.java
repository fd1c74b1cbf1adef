package org.nightpain.cds.json;

/**
 * Describes an unexpected exception (a bug) for a log line or an error message without its message,
 * which could quote a patient's input: its class and the place it was thrown.
 *
 * <p>Public because the command line and the CDS Hooks service describe their bugs with it too; not part
 * of the API.
 */
public final class BugReport {
    private BugReport() {
    }

    /**
     * Describes a bug by its class and place only.
     *
     * @param bug the unexpected exception
     * @return for example {@code java.lang.IllegalStateException at org.example.Foo.bar(Foo.java:12)}
     */
    public static String describe(Throwable bug) {
        StackTraceElement[] stack = bug.getStackTrace();
        return bug.getClass().getName() + " at " + (stack.length > 0 ? stack[0] : "an unknown place");
    }
}
