/* A Python value, as far as the post's examples need one: None, an int, a
 * float, a str, or a pointer to a C object of your own. */
#ifndef AIO_VALUE_H
#define AIO_VALUE_H

#include <stddef.h>

typedef enum aio_kind { AIO_NONE, AIO_INT, AIO_FLOAT, AIO_STR, AIO_PTR } aio_kind;

typedef struct aio_value {
    aio_kind kind;
    union {
        long i;
        double f;
        const char *s; /* not owned: a literal or a string that outlives the value */
        void *p;
    } as;
} aio_value;

aio_value aio_none(void);
aio_value aio_int(long i);
aio_value aio_float(double f);
aio_value aio_str(const char *s);
aio_value aio_ptr(void *p);

/* repr(value) into buf, truncated to size; returns buf.  "None", "42",
 * "'Hello World!'", ... */
char *aio_repr(aio_value value, char *buf, size_t size);

/* Text being built in a buffer of `size` bytes: what fits is written,
 * always ended by a '\0', and `len` counts the whole text, as the return
 * value of snprintf() does.  So a caller can tell it was cut short, and
 * ask again with a buffer of len + 1 bytes. */
typedef struct aio_text {
    char *buf;
    size_t size, len;
} aio_text;
void aio_text_add(aio_text *text, const char *s, size_t n);
void aio_text_printf(aio_text *text, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* repr(value), and reprlib.repr(value): what a Future's repr shows of its
 * result, a str cut to 30 characters around "...". */
void aio_text_repr(aio_text *text, aio_value value);
void aio_text_reprlib(aio_text *text, aio_value value);

/* str(value), what print() shows: like repr, but a str without quotes. */
char *aio_str_of(aio_value value, char *buf, size_t size);

/* type(value), as print() shows it: "<class 'int'>". */
const char *aio_class_of(aio_value value);

#endif
