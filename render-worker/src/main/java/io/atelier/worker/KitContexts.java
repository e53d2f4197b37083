package io.atelier.worker;

import io.atelier.engine.kit.KitContext;
import io.atelier.engine.ops.Fonts;
import io.atelier.engine.ops.Overlay;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.plan.PlanJson;
import io.atelier.engine.plan.Rgb;
import io.atelier.events.kit.KitUse;
import io.atelier.platform.storage.ImageStore;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The kit a step was asked under, as the engine's value: palette parsed, logo and font read from S3, saved plans read back. */
final class KitContexts {
    private static final Logger LOG = Logger.getLogger(KitContexts.class);

    private KitContexts() {
    }

    static KitContext of(KitUse kit, String workspaceId, ImageStore images) {
        Map<String, Rgb> palette = new LinkedHashMap<>();
        kit.palette().forEach((name, hex) -> palette.put(name, Rgb.parse(hex)));
        Map<String, EditPlan> saved = new LinkedHashMap<>();
        kit.saved().forEach((name, plan) -> {
            try {
                saved.put(name, PlanJson.fromTree(plan));
            } catch (RuntimeException e) {
                // a plan this engine cannot read (an operation since removed): the name is then planned as words
                LOG.warnf("saved instruction '%s' has a plan this engine cannot read: %s", name, e.getMessage());
            }
        });
        // only a logo of the step's own workspace is read
        Optional<KitContext.Logo> logo = kit.logo().filter(l -> l.image().key().startsWith(workspaceId + "/kit/"))
                .map(l -> new KitContext.Logo(images.get(l.image().key()), placement(l.placement()), l.size()));
        return new KitContext(kit.version(), palette, logo, saved, kit.font().flatMap(f -> font(f, workspaceId, images)));
    }

    // The kit's font, loaded for the text operation; read from S3 only the first time this worker meets its file.
    // Only a font of the step's own workspace is read. A file that cannot be read leaves text in the bundled font.
    private static Optional<KitContext.Font> font(KitUse.Font font, String workspaceId, ImageStore images) {
        if (!font.key().startsWith(workspaceId + "/kit/")) {
            return Optional.empty();
        }
        if (Fonts.loaded(font.sha256())) {
            return Optional.of(new KitContext.Font(font.family(), font.sha256()));
        }
        try {
            String digest = Fonts.load(images.get(font.key()));
            if (!digest.equals(font.sha256())) {
                LOG.warnf("kit font %s has SHA-256 %s, not the %s its event names; using the stored file", font.key(), digest, font.sha256());
            }
            return Optional.of(new KitContext.Font(font.family(), digest));
        } catch (RuntimeException e) {
            LOG.warnf("kit font %s could not be loaded (%s); text stays in the bundled font", font.key(), e.getMessage());
            return Optional.empty();
        }
    }

    private static Overlay.Placement placement(String name) {
        return Overlay.Placement.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
