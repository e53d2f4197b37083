package io.atelier.worker;

import io.atelier.engine.generative.GenerationException;
import io.atelier.engine.generative.GenerativeStage;
import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.Generated;
import io.atelier.events.ImageRef;
import io.atelier.platform.storage.ImageKeys;
import io.atelier.platform.storage.ImageStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps what an audit needs of a generative step in the image bucket before the event names it: the
 * committed mask (a grey PNG beside the step's image) and the provider's raw answer, content-addressed
 * under {workspace}/{session}/evidence/. The recorded output is the truth; a provider need not repeat it.
 */
final class GenerativeEvidence {
    private static final Logger LOG = Logger.getLogger(GenerativeEvidence.class);
    private final ImageStore images;

    GenerativeEvidence(ImageStore images) {
        this.images = images;
    }

    Generated keep(EventEnvelope request, UUID stepId, GenerativeStage.Committed c, int width, int height) {
        String maskSha = sha256(c.maskPng());
        String maskKey = request.workspaceId() + "/" + request.sessionId() + "/masks/" + maskSha + ".png";
        images.put(maskKey, c.maskPng(), "image/png");
        String evidenceKey = evidenceKey(request, c.rawAnswer(), c.rawAnswerType());
        images.put(evidenceKey, c.rawAnswer(), c.rawAnswerType());
        var usage = EventCodec.mapper().createObjectNode();
        c.provenance().usage().forEach((k, v) -> {
            if (v instanceof Double || v instanceof Float) {
                usage.put(k, v.doubleValue());
            } else {
                usage.put(k, v.longValue());
            }
        });
        return new Generated(c.provenance().provider(), c.provenance().model(), c.provenance().requestId(), c.provenance().revisedPrompt(),
                c.provenance().seed().isPresent() ? Optional.of(c.provenance().seed().getAsLong()) : Optional.empty(), usage, c.mode(),
                c.fraction(), new ImageRef(maskKey, maskSha, width, height, "image/png", c.maskPng().length), evidenceKey);
    }

    void keepFailure(EventEnvelope request, UUID stepId, GenerationException e) {
        e.rawAnswer().ifPresent(raw -> {
            String key = evidenceKey(request, raw, "application/json");
            images.put(key, raw, "application/json");
            LOG.infof("step %s: provider answer kept as evidence at %s", stepId, key);
        });
    }

    private static String evidenceKey(EventEnvelope request, byte[] raw, String type) {
        String ext = type.contains("json") ? "json" : type.contains("png") ? "png" : "bin";
        return request.workspaceId() + "/" + request.sessionId() + "/evidence/" + sha256(raw) + "." + ext;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
