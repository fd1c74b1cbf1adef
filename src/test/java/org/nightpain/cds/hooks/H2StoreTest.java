package org.nightpain.cds.hooks;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store's contract on an embedded H2 file, the default. */
class H2StoreTest extends StoreContract {
    @TempDir
    Path folder;

    @Override
    ServiceConfig.StoreConfig store() {
        return Deployments.h2(folder);
    }
}
