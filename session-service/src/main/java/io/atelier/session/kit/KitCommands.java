package io.atelier.session.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.events.EventCodec;
import io.atelier.events.EventEnvelope;
import io.atelier.events.ImageRef;
import io.atelier.events.ImageRendered;
import io.atelier.events.kit.KitEvent;
import io.atelier.events.kit.KitEventCodec;
import io.atelier.events.kit.KitEventEnvelope;
import io.atelier.events.kit.KitUse;
import io.atelier.platform.problem.Problem;
import io.atelier.platform.problem.ProblemException;
import io.atelier.platform.storage.ImageStore;
import io.atelier.platform.storage.Sha256;
import io.atelier.platform.text.UserText;
import io.atelier.session.model.SessionEntity;
import io.atelier.session.model.StepEntity;
import io.atelier.session.model.StepStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The brand kit's commands: each checks its input, then appends one kit event with the workspace's next
 * kit version under the kit row's lock. The kit is the fold of its events; files (logo, font) are stored
 * in S3 under their hash before the event that names them.
 */
@ApplicationScoped
public class KitCommands {
    static final int MAX_LOGO_BYTES = 512 * 1024;
    static final int MAX_FONT_BYTES = 10 * 1024 * 1024;
    private static final Pattern HEX = Pattern.compile("#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})");
    private static final Set<String> PLACEMENTS = Set.of("top-left", "top-right", "bottom-left", "bottom-right", "centre");

    private final EntityManager em;
    private final ImageStore files;

    public KitCommands(EntityManager em, ImageStore files) {
        this.em = em;
        this.files = files;
    }

    /** The workspace's kit now. */
    @Transactional
    public Kit current(String workspaceId) {
        Kit kit = Kit.empty(workspaceId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT version, payload FROM kit_event WHERE workspace_id = ?1 ORDER BY version")
                .setParameter(1, workspaceId).getResultList();
        for (Object[] row : rows) {
            kit = kit.apply(((Number) row[0]).longValue(), KitEventCodec.decode((String) row[1]).event());
        }
        return kit;
    }

    /** The kit's log, oldest first: what changed, when, by which key. */
    @Transactional
    public List<KitEventEnvelope> history(String workspaceId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT payload FROM kit_event WHERE workspace_id = ?1 ORDER BY version")
                .setParameter(1, workspaceId).getResultList();
        return rows.stream().map(KitEventCodec::decode).toList();
    }

    @Transactional
    public Kit name(String workspaceId, String actor, String name) {
        return append(workspaceId, actor, new KitEvent.KitNamed(checkedName("name", name, 80)));
    }

    @Transactional
    public Kit setColour(String workspaceId, String actor, String name, String hex) {
        String n = checkedName("name", name, 60);
        if (hex == null || !HEX.matcher(hex.strip()).matches()) {
            throw invalid("'hex' is a colour as a hex code such as #2E7D32 (or #2E7); got " + (hex == null ? "nothing" : "'" + hex + "'") + ".");
        }
        String h = hex.strip().toLowerCase(Locale.ROOT);
        h = h.startsWith("#") ? h : "#" + h;
        if (h.length() == 4) {
            h = "#" + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2) + h.charAt(3) + h.charAt(3);
        }
        Kit kit = lockedKit(workspaceId);
        return append(kit, actor, new KitEvent.PaletteColourSet(kit.paletteName(n).orElse(n), h));
    }

    @Transactional
    public Kit removeColour(String workspaceId, String actor, String name) {
        Kit kit = lockedKit(workspaceId);
        String n = kit.paletteName(name == null ? "" : name).orElseThrow(() -> notInKit("palette colour", name));
        return append(kit, actor, new KitEvent.PaletteColourRemoved(n));
    }

    /** Stores the logo (a PNG with alpha) and makes it the kit's. */
    @Transactional
    public Kit setLogo(String workspaceId, String actor, byte[] png, String placement, Double size) {
        String where = placement == null || placement.isBlank() ? "bottom-right" : placement.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
        if (!PLACEMENTS.contains(where)) {
            throw invalid("'placement' is one of " + String.join(", ", PLACEMENTS.stream().sorted().toList()) + "; got '" + placement + "'.");
        }
        double width = size == null ? 0.15 : size;
        if (!(width >= 0.02 && width <= 0.6)) {
            throw invalid("'size' is the logo's width as a fraction of the picture's, from 0.02 to 0.6; got " + width + ".");
        }
        if (png.length > MAX_LOGO_BYTES) {
            throw badLogo("The logo is " + png.length + " bytes; at most " + MAX_LOGO_BYTES + " (512 KB) are accepted: a logo, not a photo.");
        }
        BufferedImage image = readPng(png);
        if (image.getWidth() > 4096 || image.getHeight() > 4096) {
            throw badLogo("The logo is " + image.getWidth() + "×" + image.getHeight() + " pixels; at most 4096 a side.");
        }
        if (!image.getColorModel().hasAlpha()) {
            throw badLogo("The logo has no alpha channel: export it as a PNG with transparency, so the photo shows around it.");
        }
        String sha = Sha256.hex(png);
        String key = workspaceId + "/kit/" + sha + ".png";
        files.put(key, png, "image/png");
        Kit kit = lockedKit(workspaceId);
        return append(kit, actor, new KitEvent.LogoSet(new ImageRef(key, sha, image.getWidth(), image.getHeight(), "image/png", png.length), where, width));
    }

    /** Checks a TrueType/OpenType file with java.awt.Font, stores it and makes it the kit's font. */
    @Transactional
    public Kit setFont(String workspaceId, String actor, byte[] bytes) {
        if (bytes.length > MAX_FONT_BYTES) {
            throw new ProblemException(Problem.of("invalid-font", "Invalid font", 422, "The font file is over 10 MB."));
        }
        Font font;
        try {
            font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
        } catch (FontFormatException | IOException e) {
            throw new ProblemException(Problem.of("invalid-font", "Invalid font", 422,
                    "The file is not a TrueType or OpenType font: " + e.getMessage() + "."));
        }
        String sha = Sha256.hex(bytes);
        String key = workspaceId + "/kit/fonts/" + sha + ".ttf";
        files.put(key, bytes, "font/ttf");
        Kit kit = lockedKit(workspaceId);
        return append(kit, actor, new KitEvent.FontSet(font.getFamily(Locale.ROOT), key, sha, bytes.length));
    }

    /**
     * Saves a rendered step's instruction under a name, with the plan copied from the step's ImageRendered
     * event. A session or step of another workspace answers exactly as a missing one, naming neither.
     */
    @Transactional
    public Kit saveStep(String workspaceId, String actor, UUID sessionId, UUID stepId, String name) {
        if (sessionId == null || stepId == null) {
            throw invalid("Say which step to save: 'sessionId' and 'stepId'.");
        }
        SessionEntity session = SessionEntity.lockInWorkspace(sessionId, workspaceId).orElseThrow(KitCommands::noSuchStep);
        StepEntity step = StepEntity.inSession(stepId, session.id).orElseThrow(KitCommands::noSuchStep);
        if (step.parentStepId == null || step.status != StepStatus.RENDERED) {
            throw new ProblemException(Problem.of("step-not-rendered", "Step not rendered", 409, "Only a rendered step (not the original, "
                    + "not a pending or failed one) can be saved to the kit; this one is " + (step.parentStepId == null ? "the original" : step.status.name().toLowerCase(Locale.ROOT)) + "."));
        }
        JsonNode plan = renderedPlan(session.id, step.id).orElseThrow(() -> new ProblemException(Problem.of("step-not-rendered",
                "Step not rendered", 409, "The step's rendering is not recorded yet; try again in a moment.")));
        String n = name == null || name.isBlank() ? step.instruction : name;
        n = checkedName("name", n.length() > 80 ? n.substring(0, 80).strip() : n, 80);
        Kit kit = lockedKit(workspaceId);
        return append(kit, actor, new KitEvent.InstructionSaved(kit.instructionName(n).orElse(n), step.instruction, plan, session.id, step.id));
    }

    @Transactional
    public Kit removeInstruction(String workspaceId, String actor, String name) {
        Kit kit = lockedKit(workspaceId);
        String n = kit.instructionName(name == null ? "" : name).orElseThrow(() -> notInKit("saved instruction", name));
        return append(kit, actor, new KitEvent.InstructionRemoved(n));
    }

    /**
     * What a step asked now takes from the kit: empty before the kit's first change. Saved instructions
     * ride along only when the instruction contains their name, so most steps carry none.
     */
    public Optional<KitUse> use(String workspaceId, String instruction) {
        Kit kit = current(workspaceId);
        if (kit.version() == 0) {
            return Optional.empty();
        }
        String asked = instruction.toLowerCase(Locale.ROOT);
        Map<String, JsonNode> saved = new LinkedHashMap<>();
        kit.instructions().forEach((name, s) -> {
            if (asked.contains(name.toLowerCase(Locale.ROOT))) {
                saved.put(name, s.plan());
            }
        });
        return Optional.of(new KitUse(kit.version(), kit.palette(),
                kit.logo().map(l -> new KitUse.Logo(l.image(), l.placement(), l.size())), saved,
                kit.font().map(f -> new KitUse.Font(f.family(), f.key(), f.sha256()))));
    }

    private Optional<JsonNode> renderedPlan(UUID sessionId, UUID stepId) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = em.createNativeQuery("SELECT payload FROM outbox WHERE session_id = ?1 ORDER BY id DESC")
                .setParameter(1, sessionId).getResultList();
        for (byte[] row : rows) {
            EventEnvelope envelope;
            try {
                envelope = EventCodec.decode(row);
            } catch (EventCodec.MalformedEventException e) {
                continue; // written by a newer build: not the outcome this build recorded
            }
            if (envelope.event() instanceof ImageRendered r && r.stepId().equals(stepId)) {
                return Optional.of(r.plan());
            }
        }
        return Optional.empty();
    }

    private Kit append(String workspaceId, String actor, KitEvent event) {
        return append(lockedKit(workspaceId), actor, event);
    }

    private Kit append(Kit kit, String actor, KitEvent event) {
        long version = kit.version() + 1;
        KitEventEnvelope envelope = KitEventEnvelope.of(kit.workspaceId(), version, actor, event);
        em.createNativeQuery("UPDATE kit SET version = ?1 WHERE workspace_id = ?2").setParameter(1, version)
                .setParameter(2, kit.workspaceId()).executeUpdate();
        em.createNativeQuery("INSERT INTO kit_event (workspace_id, version, event_id, payload, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, kit.workspaceId()).setParameter(2, version).setParameter(3, envelope.eventId())
                .setParameter(4, KitEventCodec.encode(envelope)).setParameter(5, Timestamp.from(Instant.now())).executeUpdate();
        return kit.apply(version, event);
    }

    // the kit row is the lock of a workspace's kit: changes are serialised, versions have no gaps
    private Kit lockedKit(String workspaceId) {
        em.createNativeQuery("INSERT INTO kit (workspace_id, version) VALUES (?1, 0) ON CONFLICT DO NOTHING")
                .setParameter(1, workspaceId).executeUpdate();
        em.createNativeQuery("SELECT version FROM kit WHERE workspace_id = ?1 FOR UPDATE").setParameter(1, workspaceId).getSingleResult();
        return current(workspaceId);
    }

    private static String checkedName(String field, String value, int max) {
        UserText.check(field, value, UserText.Lines.SINGLE);
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw invalid("'" + field + "' is 1 to " + max + " characters" + (v.isEmpty() ? "; it is empty." : "; this one has " + v.length() + "."));
        }
        return v;
    }

    private static BufferedImage readPng(byte[] png) {
        boolean signature = png.length > 8 && (png[0] & 0xFF) == 0x89 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G';
        try {
            BufferedImage image = signature ? ImageIO.read(new ByteArrayInputStream(png)) : null;
            if (image == null) {
                throw badLogo("The logo is not a PNG; export it as a PNG with transparency.");
            }
            return image;
        } catch (IOException e) {
            throw badLogo("The logo cannot be read as a PNG: " + e.getMessage() + ".");
        }
    }

    static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-kit-entry", "Invalid kit entry", detail);
    }

    private static ProblemException badLogo(String detail) {
        return new ProblemException(Problem.of("invalid-logo", "Invalid logo", 422, detail));
    }

    private static ProblemException notInKit(String what, String name) {
        return new ProblemException(Problem.of("kit-entry-not-found", "Not in the kit", 404,
                "The kit has no " + what + " named '" + (name == null ? "" : name) + "'."));
    }

    // says nothing of the ids it was given: another workspace's session and a missing one answer alike
    private static ProblemException noSuchStep() {
        return new ProblemException(Problem.of("not-found", "Step not found", 404, "No step with that id in a session of this workspace."));
    }
}
