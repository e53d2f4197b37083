package io.atelier.platform.access;

import jakarta.enterprise.context.RequestScoped;

/** The verified caller of the current request, set by the service's key filter before any resource runs. */
@RequestScoped
public class CurrentCaller {
    private Caller caller;

    public void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no verified caller: the key filter did not run for this request");
        }
        return caller;
    }

    public String workspace() {
        return get().workspaceId();
    }
}
