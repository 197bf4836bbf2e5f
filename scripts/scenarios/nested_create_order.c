/* Tasks created by tasks join the back of the ready queue: the order in
 * which tasks first run is the order in which they were created. */
#include "scenario.h"

static aio_status worker(const aio_value *args, aio_value *result)
{
    (void)result;
    const char *name = args[0].as.s;
    const char *const *children = args[1].as.p;
    aio_print("%s starts", name);
    for (int i = 0; children && children[i]; i++) {
        aio_create_task(aio_coro_new2("worker", worker, aio_str(children[i]), aio_ptr(NULL)));
        aio_print("%s created %s", name, children[i]);
    }
    aio_status status = aio_await(aio_sleep(0), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("%s resumes", name);
    return AIO_OK;
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    static const char *const a_children[] = { "A1", "A2", NULL }, *const b_children[] = { "B1", NULL };
    aio_task *tasks[] = {
        aio_create_task(aio_coro_new2("worker", worker, aio_str("A"), aio_ptr((void *)a_children))),
        aio_create_task(aio_coro_new2("worker", worker, aio_str("B"), aio_ptr((void *)b_children))),
    };
    aio_print("main created A and B");
    for (int i = 0; i < 2; i++) {
        aio_status status = aio_await(tasks[i], NULL);
        if (status != AIO_OK)
            return status;
    }
    aio_status status = aio_await(aio_sleep(0), NULL);
    if (status != AIO_OK)
        return status;
    aio_print("main done");
    return AIO_OK;
}

int main(void) { return run_main(main_body); }
