package com.autoshop.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs requests as close to simultaneously as threads allow, for tests of races. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs {@code count} calls of {@code request} (given 0..count-1) released together; answers their results in order. */
    public static <T> List<T> run(int count, IntFunction<T> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                answers.add(threads.submit(() -> {
                    gate.await();
                    return request.apply(index);
                }));
            }
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
