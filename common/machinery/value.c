#include "value.h"

#include <stdio.h>
#include <string.h>

aio_value aio_none(void) { return (aio_value){ .kind = AIO_NONE }; }
aio_value aio_int(long i) { return (aio_value){ .kind = AIO_INT, .as.i = i }; }
aio_value aio_float(double f) { return (aio_value){ .kind = AIO_FLOAT, .as.f = f }; }
aio_value aio_str(const char *s) { return (aio_value){ .kind = AIO_STR, .as.s = s }; }
aio_value aio_ptr(void *p) { return (aio_value){ .kind = AIO_PTR, .as.p = p }; }

/* Python's rule: single quotes, unless the text has a ' and no "; then
 * double quotes.  With both, single quotes and the ' escaped. */
static void repr_str(const char *text, char *buf, size_t size)
{
    char quote = strchr(text, '\'') && !strchr(text, '"') ? '"' : '\'';
    size_t n = 0;
    if (size == 0)
        return;
    buf[n++] = quote;
    for (const char *c = text; *c && n + 3 < size; c++) {
        if (*c == quote || *c == '\\')
            buf[n++] = '\\';
        buf[n++] = *c;
    }
    if (n + 1 < size)
        buf[n++] = quote;
    buf[n < size ? n : size - 1] = '\0';
}

char *aio_repr(aio_value value, char *buf, size_t size)
{
    switch (value.kind) {
    case AIO_NONE:  snprintf(buf, size, "None"); break;
    case AIO_INT:   snprintf(buf, size, "%ld", value.as.i); break;
    /* %.17g round-trips a double, which is what Python's repr guarantees. */
    case AIO_FLOAT: snprintf(buf, size, "%.17g", value.as.f); break;
    case AIO_STR:   repr_str(value.as.s, buf, size); break;
    case AIO_PTR:   snprintf(buf, size, "<C object at %p>", value.as.p); break;
    }
    return buf;
}

char *aio_str_of(aio_value value, char *buf, size_t size)
{
    if (value.kind == AIO_STR) {
        snprintf(buf, size, "%s", value.as.s);
        return buf;
    }
    return aio_repr(value, buf, size);
}

const char *aio_class_of(aio_value value)
{
    switch (value.kind) {
    case AIO_NONE:  return "<class 'NoneType'>";
    case AIO_INT:   return "<class 'int'>";
    case AIO_FLOAT: return "<class 'float'>";
    case AIO_STR:   return "<class 'str'>";
    case AIO_PTR:   return "<class 'object'>";
    }
    return "<class 'object'>";
}
