package org.nightpain.cds.screening;

import java.io.IOException;

/**
 * A Bulk Data export cannot be read at all: no such folder, a manifest that is not one, or a manifest
 * that names a file that is not there. The message names the file. Nothing has been screened.
 */
public final class BulkExportException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * An export that cannot be read.
     *
     * @param message what is wrong, naming the file
     */
    public BulkExportException(String message) {
        super(message);
    }
}
