/*
 * ordered.h -- a parallel map that keeps order, for `scrub clean -j N`.
 *
 * The calling thread pushes items; N worker threads run work(state_i, item)
 * on them; the calling thread hands each finished item to emit() in the
 * order pushed (inside ordered_push and ordered_finish).  The window of
 * items in flight is bounded by count and by size: a few times the largest
 * item pushed so far, so memory stays a small multiple of the largest item,
 * while one slow large item does not stop the other workers after a handful
 * of small ones (output order would make them wait).  With one worker no
 * thread is started: push runs work and emit at once.
 */
#ifndef SCRUB_TOOL_ORDERED_H
#define SCRUB_TOOL_ORDERED_H

#include <stdbool.h>
#include <stddef.h>

typedef void (*ordered_work_fn)(void *state, void *item);
typedef void (*ordered_emit_fn)(void *arg, void *item);

typedef struct ordered ordered;

/* states[i] is passed to worker i's work calls.  NULL when out of memory or
 * a thread cannot start. */
ordered *ordered_start(int workers, void **states, ordered_work_fn work, ordered_emit_fn emit,
                       void *emit_arg);

/* Queues an item of `size` bytes (its input); blocks (emitting finished
 * items) while the window is full. */
void ordered_push(ordered *o, void *item, size_t size);

/* Emits every remaining item, stops the workers and frees o. */
void ordered_finish(ordered *o);

#endif
