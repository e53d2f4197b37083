package io.atelier.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.generative.Generation;
import io.atelier.engine.generative.GenerationRequest;
import io.atelier.engine.generative.GenerativeEngine;
import io.atelier.engine.generative.Size;
import io.atelier.generative.FakeOpenAiImages;
import io.atelier.generative.OpenAiImages;
import io.atelier.generative.OpenAiImagesSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A worker's render permits against the OpenAI Images contract fake: the provider never sees more calls at once than
 * the limit, built-in renders never run more at once than theirs, and a call waiting on the provider hands its CPU
 * permit to other sessions' built-in steps.
 */
class RenderPermitsTest {
    private final FakeOpenAiImages fake = FakeOpenAiImages.start();
    private final ExecutorService sessions = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        sessions.shutdownNow();
        fake.close();
    }

    @Test
    void theProviderNeverSeesMoreCallsAtOnceThanItsPermits() throws Exception {
        RenderPermits permits = new RenderPermits(2, Map.of("openai", 3));
        GenerativeEngine provider = permits.limit(openAi());
        fake.delay(Duration.ofMillis(400));
        List<CompletableFuture<Generation>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // as a render does it: the call is made inside a built-in render, which holds a CPU permit
            calls.add(CompletableFuture.supplyAsync(() -> permits.builtIn(() -> provider.generate(draft())), sessions));
        }
        for (CompletableFuture<Generation> c : calls) {
            assertThat(c.get(60, TimeUnit.SECONDS).image()).isNotEmpty();
        }
        assertThat(fake.calls()).hasSize(12);
        assertThat(fake.mostAtOnce()).as("calls the provider answered at once").isEqualTo(3);
        assertThat(fake.violations()).isEmpty();
        assertThat(permits.builtInInUse()).isZero();
    }

    @Test
    void aCallWaitingOnTheProviderLeavesItsCpuPermitToOtherSessions() throws Exception {
        RenderPermits permits = new RenderPermits(1, Map.of("openai", 1));
        GenerativeEngine provider = permits.limit(openAi());
        fake.delay(Duration.ofSeconds(3));
        CompletableFuture<Generation> waiting = CompletableFuture.supplyAsync(() -> permits.builtIn(() -> provider.generate(draft())), sessions);
        CompletableFuture<Generation> queued = CompletableFuture.supplyAsync(() -> permits.builtIn(() -> provider.generate(draft())), sessions);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !fake.calls().isEmpty());
        assertThat(fake.calls()).as("the first call reached the provider").hasSize(1);

        // every generative permit is taken and a second call queues, yet a built-in step of a third session renders now
        String builtIn = CompletableFuture.supplyAsync(() -> permits.builtIn(() -> "rendered"), sessions).get(2, TimeUnit.SECONDS);
        assertThat(builtIn).isEqualTo("rendered");
        assertThat(waiting).as("the provider is still answering the first call").isNotDone();
        assertThat(queued).isNotDone();

        assertThat(waiting.get(30, TimeUnit.SECONDS).image()).isNotEmpty();
        assertThat(queued.get(30, TimeUnit.SECONDS).image()).isNotEmpty();
        assertThat(fake.mostAtOnce()).isEqualTo(1);
        assertThat(permits.builtInInUse()).as("each render gave its CPU permit back once").isZero();
    }

    @Test
    void bigPhotosWhoseFramesWouldNotFitTheHeapTogetherRenderOneAfterAnotherWhileSmallOnesShare() throws Exception {
        // a 1 MiB frame budget at 24 bytes a pixel: photos of 32 Ki pixels need 768 KiB, so two cannot run at once;
        // photos of 10 Ki pixels need 240 KiB, so four fit; a photo larger than the whole budget still runs, alone
        RenderPermits permits = new RenderPermits(4, Map.of("openai", 8), 1 << 20);
        assertThat(mostAtOnce(permits, 4, 32 * 1024)).isEqualTo(1);
        assertThat(mostAtOnce(permits, 4, 10 * 1024)).isEqualTo(4);
        assertThat(mostAtOnce(permits, 2, 10_000_000)).isEqualTo(1);
        assertThat(permits.frameMemoryInUseMiB()).isZero();
    }

    // Renders of `pixels` each, started together: how many ran at the same time at most.
    private int mostAtOnce(RenderPermits permits, int renders, long pixels) throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<CompletableFuture<Integer>> all = new ArrayList<>();
        for (int i = 0; i < renders; i++) {
            all.add(CompletableFuture.supplyAsync(() -> {
                return permits.builtIn(pixels, () -> {
                    most.accumulateAndGet(now.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(150);
                        return 1;
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    } finally {
                        now.decrementAndGet();
                    }
                });
            }, sessions));
        }
        for (CompletableFuture<Integer> r : all) {
            r.get(30, TimeUnit.SECONDS);
        }
        return most.get();
    }

    @Test
    void builtInRendersNeverRunMoreAtOnceThanTheirPermits() throws Exception {
        RenderPermits permits = new RenderPermits(2, Map.of("openai", 8));
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<CompletableFuture<Integer>> renders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            renders.add(CompletableFuture.supplyAsync(() -> permits.builtIn(() -> {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(100);
                    // a nested engine call (drift inside a render) runs under the permit it already holds instead of waiting for another
                    return permits.builtIn(() -> 1);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    now.decrementAndGet();
                }
            }), sessions));
        }
        int done = 0;
        for (CompletableFuture<Integer> r : renders) {
            done += r.get(30, TimeUnit.SECONDS);
        }
        assertThat(done).isEqualTo(10);
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void defaultsAreTheProcessorsForBuiltInAndEachProvidersOwnFigure() {
        RenderPermits permits = RenderPermits.from(new PermitSettings() {
            public OptionalInt builtIn() {
                return OptionalInt.empty();
            }

            public int openai() {
                return 8;
            }

            public int bfl() {
                return 6;
            }

            public int comfyui() {
                return 2;
            }
        });
        assertThat(permits.builtInLimit()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(permits.generativeLimit("comfyui")).isEqualTo(2);
        assertThat(permits.generativeLimit("bfl")).isEqualTo(6);
        assertThat(permits.generativeLimit("openai")).isEqualTo(8);
    }

    private GenerativeEngine openAi() {
        return new OpenAiImages(new OpenAiImagesSettings(URI.create(fake.baseUrl()), FakeOpenAiImages.KEY, FakeOpenAiImages.MODEL,
                OpenAiImagesSettings.GPT_IMAGE_SIZES, Duration.ofSeconds(20)));
    }

    private static GenerationRequest draft() {
        return GenerationRequest.draft("a cup of coffee on a wooden table", new Size(1024, 1024));
    }
}
