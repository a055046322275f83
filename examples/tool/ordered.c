/* ordered.c -- order-keeping parallel map; see ordered.h. */
#include "ordered.h"

#include <pthread.h>
#include <stdlib.h>

/* The window: at most this many items per worker, and items of at most
 * (workers + 1) * this many times the largest item's size. */
#define WINDOW_PER_WORKER 64
#define WINDOW_BYTES_FACTOR 2

struct ordered {
    pthread_mutex_t mu;
    pthread_cond_t cv_work, cv_done;
    void **items;
    bool *done;
    size_t *sizes;
    size_t cap, head, tail, next_work;
    size_t in_flight, largest; /* bytes of the items in the window; largest pushed */
    bool closing;
    int nthreads;
    pthread_t *threads;
    void **states;
    ordered_work_fn work;
    ordered_emit_fn emit;
    void *emit_arg;
};

typedef struct {
    ordered *o;
    void *state;
} worker_arg;

static void *worker_main(void *p)
{
    worker_arg *a = p;
    ordered *o = a->o;
    pthread_mutex_lock(&o->mu);
    for (;;) {
        while (o->next_work == o->tail && !o->closing) pthread_cond_wait(&o->cv_work, &o->mu);
        if (o->next_work == o->tail) break;
        size_t idx = o->next_work++;
        void *item = o->items[idx % o->cap];
        pthread_mutex_unlock(&o->mu);
        o->work(a->state, item);
        pthread_mutex_lock(&o->mu);
        o->done[idx % o->cap] = true;
        pthread_cond_broadcast(&o->cv_done);
    }
    pthread_mutex_unlock(&o->mu);
    free(a);
    return NULL;
}

ordered *ordered_start(int workers, void **states, ordered_work_fn work, ordered_emit_fn emit,
                       void *emit_arg)
{
    ordered *o = calloc(1, sizeof *o);
    if (!o) return NULL;
    o->work = work;
    o->emit = emit;
    o->emit_arg = emit_arg;
    o->states = states;
    if (workers <= 1) return o;
    o->cap = (size_t)workers * WINDOW_PER_WORKER;
    o->items = calloc(o->cap, sizeof *o->items);
    o->done = calloc(o->cap, sizeof *o->done);
    o->sizes = calloc(o->cap, sizeof *o->sizes);
    o->threads = calloc((size_t)workers, sizeof *o->threads);
    if (!o->items || !o->done || !o->sizes || !o->threads) goto fail;
    pthread_mutex_init(&o->mu, NULL);
    pthread_cond_init(&o->cv_work, NULL);
    pthread_cond_init(&o->cv_done, NULL);
    for (int i = 0; i < workers; i++) {
        worker_arg *a = malloc(sizeof *a);
        if (!a) break;
        a->o = o;
        a->state = states[i];
        if (pthread_create(&o->threads[i], NULL, worker_main, a) != 0) {
            free(a);
            break;
        }
        o->nthreads++;
    }
    if (o->nthreads == workers) return o;
    ordered_finish(o);
    return NULL;
fail:
    free(o->items);
    free(o->done);
    free(o->sizes);
    free(o->threads);
    free(o);
    return NULL;
}

/* Emits the finished items at the head; called and returns with mu held. */
static void emit_finished(ordered *o)
{
    while (o->head < o->tail && o->done[o->head % o->cap]) {
        void *item = o->items[o->head % o->cap];
        o->in_flight -= o->sizes[o->head % o->cap];
        o->head++;
        pthread_mutex_unlock(&o->mu);
        o->emit(o->emit_arg, item);
        pthread_mutex_lock(&o->mu);
    }
}

/* Is there room for an item of `size` bytes? */
static bool has_room(const ordered *o, size_t size)
{
    if (o->tail - o->head == o->cap) return false;
    size_t largest = size > o->largest ? size : o->largest;
    size_t budget = largest * (size_t)(o->nthreads + 1) * WINDOW_BYTES_FACTOR;
    return o->tail == o->head || o->in_flight + size <= budget;
}

void ordered_push(ordered *o, void *item, size_t size)
{
    if (!o->nthreads) {
        o->work(o->states[0], item);
        o->emit(o->emit_arg, item);
        return;
    }
    pthread_mutex_lock(&o->mu);
    while (!has_room(o, size)) {
        emit_finished(o);
        if (!has_room(o, size)) pthread_cond_wait(&o->cv_done, &o->mu);
    }
    if (size > o->largest) o->largest = size;
    o->items[o->tail % o->cap] = item;
    o->done[o->tail % o->cap] = false;
    o->sizes[o->tail % o->cap] = size;
    o->in_flight += size;
    o->tail++;
    pthread_cond_signal(&o->cv_work);
    emit_finished(o);
    pthread_mutex_unlock(&o->mu);
}

void ordered_finish(ordered *o)
{
    if (o->nthreads || o->threads) {
        pthread_mutex_lock(&o->mu);
        o->closing = true;
        pthread_cond_broadcast(&o->cv_work);
        for (;;) {
            emit_finished(o);
            if (o->head == o->tail) break;
            pthread_cond_wait(&o->cv_done, &o->mu);
        }
        pthread_mutex_unlock(&o->mu);
        for (int i = 0; i < o->nthreads; i++) pthread_join(o->threads[i], NULL);
        pthread_mutex_destroy(&o->mu);
        pthread_cond_destroy(&o->cv_work);
        pthread_cond_destroy(&o->cv_done);
    }
    free(o->items);
    free(o->done);
    free(o->sizes);
    free(o->threads);
    free(o);
}
