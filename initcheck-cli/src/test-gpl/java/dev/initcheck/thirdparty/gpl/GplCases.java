package dev.initcheck.thirdparty.gpl;

import dev.initcheck.thirdparty.ThirdPartyCase;
import java.util.ArrayList;
import java.util.List;

/** The rows of the {@code -Pgpl} section: Deep Netts 1.13.2, then JSAT 0.0.9. */
public final class GplCases {
    private GplCases() {
    }

    public static List<ThirdPartyCase> all() {
        List<ThirdPartyCase> out = new ArrayList<>(DeepNettsCases.all());
        out.addAll(JsatCases.all());
        return List.copyOf(out);
    }
}
