/* timeline: turn an AIO_TRACE=1 trace (on stdin) into a text chart of
 * loop time, one row per task, then what each task awaited and when.
 *
 *   AIO_CLOCK=virtual AIO_TRACE=1 build/06-tasks-overlap 2>&1 >/dev/null |
 *       build/timeline 06-tasks-overlap
 *
 * `make timeline-N` does exactly that.  The chart fits in 80 columns and
 * reads without colour; colour is added only when stdout is a terminal
 * and NO_COLOR is unset or empty. */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_TASKS 64
#define MAX_NOTES 64
#define MAX_DEPTH 16
#define LABEL_WIDTH 17
#define CHART_WIDTH 60 /* columns for 0 .. end; one more for a final 'X' */

typedef struct span {
    double from, to;
    char glyph;
} span;

typedef struct task {
    char name[24], coro[64];
    double created, finished;
    bool has_finished;
    span spans[256];
    int span_count;
    span runs[256];  /* from switching in to switching out */
    int run_count;
    /* the coroutines awaited inside one another, innermost last */
    char chain[MAX_DEPTH][48];
    double chain_since[MAX_DEPTH];
    int depth;
    int outer_note; /* where the story of the outermost await goes */
    char notes[MAX_NOTES][79]; /* printed after two spaces: 80 columns */
    int note_count;
    /* an open wait: since when, on what, inside which awaits */
    bool waiting;
    double wait_since;
    char wait_on[48], wait_inside[160];
} task;

static task tasks[MAX_TASKS];
static int task_count, tasks_left_out;
static double end_time;

static task *find(const char *name, bool create)
{
    for (int i = 0; i < task_count; i++)
        if (strcmp(tasks[i].name, name) == 0)
            return &tasks[i];
    if (!create)
        return NULL;
    if (task_count == MAX_TASKS) {
        tasks_left_out++;
        return NULL;
    }
    task *t = &tasks[task_count++];
    snprintf(t->name, sizeof t->name, "%s", name);
    return t;
}

/* Add a line to the task's story at position `at` (-1: at the end). */
static void note_at(task *t, int at, const char *fmt, double from, double to, const char *text)
{
    if (t->note_count == MAX_NOTES)
        return;
    if (at < 0 || at > t->note_count)
        at = t->note_count;
    memmove(t->notes[at + 1], t->notes[at], (size_t)(t->note_count - at) * sizeof t->notes[0]);
    t->note_count++;
    char when[32];
    if (from == to)
        snprintf(when, sizeof when, "%.3f", from);
    else
        snprintf(when, sizeof when, "%.3f-%.3f", from, to);
    snprintf(t->notes[at], sizeof t->notes[0], fmt, when, text);
}

static void note(task *t, const char *fmt, double from, double to, const char *text)
{
    note_at(t, -1, fmt, from, to, text);
}

/* A wait is noted when it ends, after what happened while it lasted (a
 * cancel at 5 s during a 0-5 s sleep); list the story by start time.
 * Stable, so that an await stays above the waits inside it. */
static void sort_notes(task *t)
{
    for (int i = 1; i < t->note_count; i++) {
        char moving[sizeof t->notes[0]];
        memcpy(moving, t->notes[i], sizeof moving);
        double start = strtod(moving, NULL);
        int j = i;
        while (j > 0 && strtod(t->notes[j - 1], NULL) > start) {
            memcpy(t->notes[j], t->notes[j - 1], sizeof moving);
            j--;
        }
        memcpy(t->notes[j], moving, sizeof moving);
    }
}

/* What a wait looks like in the chart. */
static char glyph_for(const char *on)
{
    if (strcmp(on, "its turn") == 0) return '.';
    if (strstr(on, "sleep")) return '~';
    if (strncmp(on, "Task-", 5) == 0) return '=';
    if (strcmp(on, "reader's Future") == 0) return '<'; /* sock_recv, sock_accept */
    if (strcmp(on, "writer's Future") == 0) return '>'; /* sock_sendall, sock_connect */
    return '-';
}

/* The I/O glyphs get a line in the key only where the chart has them,
 * so that the charts of chapters without sockets stay as they were. */
static bool drawn_io[2];

static void close_wait(task *t, double now)
{
    if (!t->waiting)
        return;
    t->waiting = false;
    if (t->span_count < 256)
        t->spans[t->span_count++] = (span){ t->wait_since, now, glyph_for(t->wait_on) };
    char text[256];
    snprintf(text, sizeof text, "waits on %s%s%s", t->wait_on, *t->wait_inside ? ", inside " : "", t->wait_inside);
    note(t, "%-13s     %s", t->wait_since, now, text);
}

static void open_wait(task *t, double now, const char *on)
{
    t->waiting = true;
    t->wait_since = now;
    snprintf(t->wait_on, sizeof t->wait_on, "%s", on);
    /* the awaits between the task's own await and the Future it blocks
     * on, e.g. "delay() > sleep()" for chapter 04 */
    t->wait_inside[0] = '\0';
    for (int i = 1; i < t->depth - 1 && i < MAX_DEPTH; i++) {
        size_t len = strlen(t->wait_inside);
        snprintf(t->wait_inside + len, sizeof t->wait_inside - len, "%s%s", i > 1 ? " > " : "", t->chain[i]);
    }
}

static void parse(char *line)
{
    char *end;
    double time = strtod(line, &end);
    if (end == line || *end != ' ')
        return; /* not a trace line */
    char *who = end + 1, *what = strchr(who, ' ');
    if (!what)
        return;
    *what++ = '\0';
    what[strcspn(what, "\n")] = '\0';
    /* A nested function's __qualname__ names the one around it with
     * "<locals>.", which only takes room here: the list shows
     * "as_completed.<locals>._wait_for_one()" as "as_completed._wait_for_one()". */
    for (char *at; (at = strstr(what, "<locals>.")) != NULL;)
        memmove(at, at + 9, strlen(at + 9) + 1);
    if (time > end_time)
        end_time = time;
    if (strcmp(who, "loop") == 0)
        return;

    char name[64];
    task *t = find(who, strncmp(what, "created for ", 12) == 0);
    if (!t)
        return;
    if (sscanf(what, "created for %63[^,], scheduled", name) == 1) {
        snprintf(t->coro, sizeof t->coro, "%s", name);
        t->created = time;
    } else if (strcmp(what, "switches in") == 0) {
        close_wait(t, time);
        if (t->run_count < 256)
            t->runs[t->run_count++] = (span){ time, time, '#' };
    } else if (strncmp(what, "switches out", 12) == 0) {
        if (t->run_count > 0)
            t->runs[t->run_count - 1].to = time; /* a step that took loop time */
        if (strncmp(what, "switches out: waits on ", 23) == 0)
            open_wait(t, time, what + 23);
        else if (strcmp(what, "switches out: yields") == 0)
            open_wait(t, time, "its turn");
    } else if (strncmp(what, "finished: ", 10) == 0) {
        t->finished = time;
        t->has_finished = true;
        note(t, "%-13s   %s", time, time, what);
    } else if (strncmp(what, "awaits ", 7) == 0) {
        if (t->depth == 0)
            t->outer_note = t->note_count;
        if (t->depth < MAX_DEPTH) {
            snprintf(t->chain[t->depth], sizeof t->chain[0], "%s", what + 7);
            t->chain_since[t->depth] = time;
        }
        t->depth++;
    } else if (strncmp(what, "await ", 6) == 0 && t->depth > 0) {
        t->depth--;
        if (t->depth == 0) /* the task's own await is over: "await delay() gave 1" */
            note_at(t, t->outer_note, "%-13s   %s", t->chain_since[0], time, what);
    } else if (strncmp(what, "CancelledError delivered", 24) == 0 || strncmp(what, "cancel requested", 16) == 0) {
        note(t, "%-13s   %s", time, time, what);
    }
}

static int column(double time)
{
    return end_time > 0 ? (int)lround(time / end_time * (CHART_WIDTH - 1)) : 0;
}

static bool colour;

static const char *colour_of(char g)
{
    switch (g) {
    case '#': return "1;32";
    case '~': return "34";
    case '=': return "33";
    case '-': return "35";
    case '<': case '>': return "36";
    case 'X': return "1;31";
    default: return NULL;
    }
}

/* Print a row of glyphs, switching colour only where it changes. */
static void put_glyphs(const char *glyphs, int count)
{
    const char *current = NULL;
    for (int i = 0; i < count; i++) {
        const char *code = colour ? colour_of(glyphs[i]) : NULL;
        if (code != current) {
            if (current)
                fputs("\033[0m", stdout);
            if (code)
                printf("\033[%sm", code);
            current = code;
        }
        putchar(glyphs[i]);
    }
    if (current)
        fputs("\033[0m", stdout);
}

static void axis(void)
{
    /* one tick per second, or per larger step when the run is long, or
     * per 0.1, 0.2 or 0.5 s when it is shorter than a second */
    double step = 1;
    while (end_time / step > 12)
        step *= 2;
    for (int i = 0; end_time > 0 && end_time < 1 && i < 3; i++) {
        static const double fine[] = { 0.1, 0.2, 0.5 };
        step = fine[i];
        if (end_time / step <= 6)
            break;
    }
    char labels[LABEL_WIDTH + CHART_WIDTH + 16], ruler[CHART_WIDTH + 2];
    memset(labels, ' ', sizeof labels);
    memset(ruler, '-', CHART_WIDTH);
    ruler[CHART_WIDTH] = '\0';
    int last_end = -1;
    for (double t = 0; t <= end_time + 1e-9; t += step) {
        int col = column(t);
        ruler[col] = t == 0 || col == CHART_WIDTH - 1 ? '|' : '+';
        char text[16];
        int n = snprintf(text, sizeof text, "%g s", t);
        int at = LABEL_WIDTH + col;
        if (at + n > 80)
            at = 80 - n; /* the last label ends at column 80 rather than past it */
        if (at > last_end) {
            memcpy(labels + at, text, (size_t)n);
            last_end = at + n;
        }
    }
    labels[last_end > 0 ? last_end : LABEL_WIDTH] = '\0';
    if (end_time == 0)
        ruler[1] = '\0';
    else
        ruler[CHART_WIDTH - 1] = '|';
    printf("%s\n%*s%s\n", labels, LABEL_WIDTH, "", ruler);
}

static void row(const task *t)
{
    char row[CHART_WIDTH + 2];
    memset(row, ' ', sizeof row);
    row[CHART_WIDTH + 1] = '\0';
    for (int s = 0; s < t->span_count; s++)
        for (int c = column(t->spans[s].from); c <= column(t->spans[s].to); c++)
            row[c] = t->spans[s].glyph;
    for (int r = 0; r < t->run_count; r++)
        for (int c = column(t->runs[r].from); c <= column(t->runs[r].to); c++)
            row[c] = '#';
    if (t->has_finished) {
        int c = column(t->finished);
        row[row[c] == '#' ? c + 1 : c] = 'X';
    }
    int last = CHART_WIDTH;
    while (last > 0 && row[last] == ' ')
        last--;
    drawn_io[0] |= memchr(row, '<', (size_t)last + 1) != NULL;
    drawn_io[1] |= memchr(row, '>', (size_t)last + 1) != NULL;
    char label[96];
    snprintf(label, sizeof label, "%.23s %.63s", t->name, t->coro);
    if (strlen(label) > LABEL_WIDTH - 1) /* elided, not cut mid-word: the list below has it whole */
        memcpy(label + LABEL_WIDTH - 4, "...", 4);
    printf("%-*s", LABEL_WIDTH, label);
    put_glyphs(row, last + 1);
    putchar('\n');
}

int main(int argc, char **argv)
{
    const char *no_color = getenv("NO_COLOR");
    colour = isatty(STDOUT_FILENO) && !(no_color && *no_color);

    char line[512];
    while (fgets(line, sizeof line, stdin))
        parse(line);
    if (task_count == 0) {
        /* `make timeline-N` runs the chapter with AIO_TRACE=1 and says so
         * here too: then an empty trace means that no loop ever ran. */
        const char *traced = getenv("AIO_TRACE");
        if (argc > 1 && traced && strcmp(traced, "1") == 0)
            fprintf(stderr, "timeline: %s runs no event loop, so there is nothing to draw\n", argv[1]);
        else
            fprintf(stderr, "timeline: no trace on stdin (run the program with AIO_TRACE=1)\n");
        return 1;
    }

    printf("%s: loop time 0 to %.3f s, virtual clock\n\n", argc > 1 ? argv[1] : "timeline", end_time);
    axis();
    for (int i = 0; i < task_count; i++)
        row(&tasks[i]);
    if (tasks_left_out)
        printf("(%d more tasks not drawn: the chart has room for %d)\n", tasks_left_out, MAX_TASKS);
    printf("\n# runs  ~ waits on a sleep  = waits on a task  - waits on a Future\n"
           ". waits for its turn (sleep(0))  X finished\n");
    if (drawn_io[0] || drawn_io[1])
        printf("%s%s%s\n", drawn_io[0] ? "< waits for a socket to read (sock_recv, sock_accept)" : "",
               drawn_io[0] && drawn_io[1] ? "\n" : "",
               drawn_io[1] ? "> waits for a socket to write (sock_sendall, sock_connect)" : "");
    for (int i = 0; i < task_count; i++) {
        task *t = &tasks[i];
        printf("\n%s %s\n", t->name, t->coro);
        sort_notes(t);
        for (int n = 0; n < t->note_count; n++)
            printf("  %s\n", t->notes[n]);
    }
    return 0;
}
