/* Task names across three aio_run() calls in one process.  The Task-N
 * counter is global to the process, and each run's clean-up uses two
 * numbers of its own (shutdown_asyncgens() and shutdown_default_executor()
 * each run as a Task in CPython), so the second run's main is Task-5, not
 * Task-3. */
#include <string.h>

#include "scenario.h"

/* Task.get_name(), read from the repr: "<Task pending name='Task-1' ...>". */
static const char *name_of(aio_task *task, char *buf, size_t size)
{
    char repr[160];
    const char *start = strstr(aio_future_repr(aio_task_future(task), repr, sizeof repr), "name='");
    size_t n = start ? strcspn(start + 6, "'") : 0;
    snprintf(buf, size, "%.*s", (int)n, start ? start + 6 : "");
    return buf;
}

static aio_status child(const aio_value *args, aio_value *result)
{
    (void)args;
    (void)result;
    return aio_await(aio_sleep(1), NULL);
}

static aio_status main_body(const aio_value *args, aio_value *result)
{
    (void)result;
    long n = args[0].as.i;
    char name[32];
    aio_print("run %ld: main is %s", n, name_of(aio_current_task(), name, sizeof name));
    aio_task *task = spawn("child", child, aio_none());
    aio_print("run %ld: child is %s", n, name_of(task, name, sizeof name));
    if (n == 2)
        return AIO_OK; /* the child is left for run() to cancel */
    return aio_await(task, NULL);
}

int main(void)
{
    aio_status status = AIO_OK;
    for (long n = 1; n <= 3 && status == AIO_OK; n++)
        status = aio_run(coro("main", main_body, aio_int(n)), NULL);
    return aio_exit_code(status);
}
