/* ftc-arg-list.c: an argument list as typed in a cell, parsed once: the
 * worked examples' arguments (for the table JSON the e2e tests read) and
 * the check suites' calls. */
#include "ftcost-private.h"

#include <glib.h>
#include <string.h>

static bool list_fail(ftc_arg_list *list, GArray *values, GPtrArray *typed, ftc_error *err,
                      size_t arg, const char *why)
{
    for (guint k = 0; k < values->len; k++)
        g_free((char *)g_array_index(values, ftc_value, k).text);
    g_array_free(values, TRUE);
    g_ptr_array_free(typed, TRUE);
    *list = (ftc_arg_list){0};
    ftc_fail(err, FTC_ERR_INVALID, (int)arg, "argument %zu: %s", arg + 1, why);
    return false;
}

bool ftc_arg_list_parse(const char *text, ftc_arg_list *out, ftc_error *err)
{
    GArray *values = g_array_new(FALSE, TRUE, sizeof(ftc_value));
    GPtrArray *typed = g_ptr_array_new_with_free_func(g_free);
    const char *p = text != NULL ? text : "";

    while (g_ascii_isspace(*p))
        p++;
    while (*p != '\0') {
        const char *start, *end;
        ftc_value v = {.kind = FTC_VALUE_MISSING};

        while (g_ascii_isspace(*p))
            p++;
        start = p;
        if (*p == '"') { /* a text; "" inside is one quote */
            GString *s = g_string_new(NULL);

            for (p++; *p != '\0' && (*p != '"' || p[1] == '"'); p++) {
                if (*p == '"')
                    p++;
                g_string_append_c(s, *p);
            }
            if (*p != '"') {
                g_string_free(s, TRUE);
                return list_fail(out, values, typed, err, values->len, "unterminated quote");
            }
            end = ++p;
            v = (ftc_value){.kind = FTC_VALUE_TEXT, .text = g_string_free(s, FALSE)};
            while (g_ascii_isspace(*p))
                p++;
            if (*p != ';' && *p != '\0') {
                g_array_append_val(values, v);
                return list_fail(out, values, typed, err, values->len - 1,
                                 "text after the closing quote");
            }
        } else {
            p = start + strcspn(start, ";");
            for (end = p; end > start && g_ascii_isspace(end[-1]); end--)
                ;
            if (*start == '{')
                return list_fail(out, values, typed, err, values->len,
                                 "an inline array is not an argument list's");
        }
        g_ptr_array_add(typed, g_strndup(start, (gsize)(end - start)));
        if (v.kind == FTC_VALUE_MISSING && end > start) {
            const char *word = g_ptr_array_index(typed, typed->len - 1);
            char *stop;

            v.number = g_ascii_strtod(word, &stop);
            if (*stop == '\0')
                v.kind = FTC_VALUE_NUMBER;
            else /* not a number: the word as a text (the tests' "abc") */
                v = (ftc_value){.kind = FTC_VALUE_TEXT, .text = g_strdup(word)};
        }
        g_array_append_val(values, v);
        if (*p == ';' && *++p == '\0') { /* "1;" ends in an empty argument */
            ftc_value missing = {.kind = FTC_VALUE_MISSING};

            g_array_append_val(values, missing);
            g_ptr_array_add(typed, g_strdup(""));
        }
    }
    out->n = values->len;
    out->values = (ftc_value *)(void *)g_array_free(values, FALSE);
    out->typed = (char **)g_ptr_array_free(typed, FALSE);
    return true;
}

void ftc_arg_list_clear(ftc_arg_list *list)
{
    for (size_t k = 0; k < list->n; k++) {
        g_free((char *)list->values[k].text);
        g_free(list->typed[k]);
    }
    g_free(list->values);
    g_free(list->typed);
    *list = (ftc_arg_list){0};
}
