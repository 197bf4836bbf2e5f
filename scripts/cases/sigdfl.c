/* `sigdfl COMMAND [ARG...]`: run COMMAND with SIGINT at its default
 * action.  sigint.bats sends real SIGINTs, and what a program does with
 * one must not depend on how bats itself was started: a background job
 * of a shell without job control starts with SIGINT ignored, and no
 * shell can undo that for its children. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: sigdfl COMMAND [ARG...]\n");
        return 2;
    }
    signal(SIGINT, SIG_DFL);
    execvp(argv[1], argv + 1);
    fprintf(stderr, "sigdfl: %s: %s\n", argv[1], strerror(errno));
    return 127;
}
