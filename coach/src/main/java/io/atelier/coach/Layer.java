package io.atelier.coach;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The layers of the guide's refinement order: light first, then composition, brand, people, and polish last. */
public enum Layer {
    LIGHT("light and atmosphere", "\\b(warm\\w*|cool\\w*|cold\\w*|bright\\w*|dark\\w*|light|lights|lighten\\w*|sunlight|sun|sunny|shadows?|highlights?|contrast\\w*|expos\\w*|"
            + "golden|sunset|sunrise|morning|evening|dusk|dawn|haze|hazy|fog\\w*|mist\\w*|mood\\w*|atmospher\\w*|temperature|saturat\\w*|desaturat\\w*|"
            + "vibran\\w*|vivid|mute\\w*|black and white|monochrom\\w*|gr[ae]yscale|sepia|tint\\w*|tones?|fade\\w*|matte|punch\\w*|glow\\w*|backlit|rim light)\\b",
            List.of("warm the light to a late-afternoon golden tone", "add soft morning sunlight from the left",
                    "increase the contrast between the subject and the background")),
    COMPOSITION("composition and framing", "\\b(crop\\w*|square|ratio|\\d+:\\d+|portrait|landscape|rotat\\w*|straighten\\w*|level|tilt\\w*|flip\\w*|mirror\\w*|zoom\\w*|"
            + "cent(?:re|er)\\w*|blur\\w*|bokeh|depth of field|focus\\w*|extend\\w*|widen\\w*|border|space for text|room for text|"
            + "remov\\w*|eras\\w*|replac\\w*|move|reframe\\w*)\\b",
            List.of("crop to a 1:1 square keeping the subject centred", "blur the background, keep only the subject sharp",
                    "straighten the horizon")),
    BRAND("brand and identity", "\\b(brand\\w*|logo\\w*|palette|kit|gradient|overlay|text|caption|headline|slogan|#[0-9a-f]{6})\\b",
            List.of("add a subtle brand-colour gradient on the upper third", "add our logo bottom right", "use our brand colours")),
    HUMAN("people", "\\b(hands?|person|people|man|woman|barista|face|faces|smil\\w*|holding|fingers?)\\b",
            List.of("add hands holding the cup", "add a barista in the background, out of focus", "add a hand reaching for the cup")),
    POLISH("final polish", "\\b(steam\\w*|condensation|droplets?|dust|particles?|lens flare|flare|grain\\w*|noise|denois\\w*|sharpen\\w*|"
            + "vignett\\w*|texture\\w*|details?|retouch\\w*|clean up|clarity|crisp\\w*|sparkl\\w*|reflections?)\\b",
            List.of("sharpen the subject slightly", "add fine film grain", "add a soft vignette"));

    private final String words;
    private final Pattern cue;
    private final List<String> examples;

    Layer(String words, String cue, List<String> examples) {
        this.words = words;
        this.cue = Pattern.compile(cue);
        this.examples = examples;
    }

    /** How the guide names this layer. */
    public String words() {
        return words;
    }

    /** Concrete instructions of this layer, offered when someone has not said what to change. */
    public List<String> examples() {
        return examples;
    }

    // the earliest cue wins, so "blur the background, keep only the cup sharp" is composition, not polish
    int firstCue(String text) {
        Matcher m = cue.matcher(text);
        return m.find() ? m.start() : Integer.MAX_VALUE;
    }

    /** The layer an instruction works on, judged by the earliest word that names one; empty when none does. */
    public static java.util.Optional<Layer> of(String text) {
        String t = Wording.normalise(text).replaceFirst("^(?:add|include|put|place|give|make|remove|use)\\s+", "");
        Layer best = null;
        int at = Integer.MAX_VALUE;
        for (Layer layer : values()) {
            int i = layer.firstCue(t);
            // people and polish words name the object of "add"; they win over a generic layer word after them
            if (i < at || (i != Integer.MAX_VALUE && (layer == HUMAN || layer == POLISH || layer == BRAND) && best == COMPOSITION)) {
                best = layer;
                at = i;
            }
        }
        if (best == null && Wording.opensWithChange(text)) {
            return java.util.Optional.of(COMPOSITION); // "add a plant", "remove the napkin": scene elements
        }
        return java.util.Optional.ofNullable(best);
    }
}
