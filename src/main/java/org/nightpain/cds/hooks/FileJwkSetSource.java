package org.nightpain.cds.hooks;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * A client's public keys from a JWKS file, read again whenever nimbus's cache asks (on expiry, or once for
 * a {@code kid} it does not know): replacing the file rotates the keys without a restart.
 */
final class FileJwkSetSource implements JWKSetSource<SecurityContext> {
    private final Path file;

    FileJwkSetSource(Path file) {
        this.file = file;
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refresh, long currentTime, SecurityContext context)
            throws KeySourceException {
        try {
            return JWKSet.load(file.toFile());
        } catch (IOException | ParseException e) {
            throw new KeySourceException("cannot read the JWKS file " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        // nothing is held open between reads
    }
}
