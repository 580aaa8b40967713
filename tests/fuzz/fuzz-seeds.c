/* fuzz-seeds.c: seeds a libFuzzer target makes at start-up (see
 * fuzz-seeds.h). */
#include "fuzz-seeds.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *seed_dir;

static void remove_seeds(void)
{
    g_autoptr(GDir) dir = seed_dir != NULL ? g_dir_open(seed_dir, 0, NULL) : NULL;
    const char *name;

    while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
        g_autofree char *path = g_build_filename(seed_dir, name, NULL);
        g_unlink(path);
    }
    if (seed_dir != NULL)
        g_rmdir(seed_dir);
}

void ftc_fuzz_use_seeds(int *argc, char ***argv, GPtrArray *seeds, const char *target)
{
    g_autoptr(GString) list = g_string_new(NULL);
    g_autofree char *list_path = NULL;
    g_autofree char *pattern = g_strdup_printf("ftc-%s-XXXXXX", target);
    char **args;

    for (int i = 1; i < *argc; i++)
        if ((*argv)[i][0] != '-' && g_file_test((*argv)[i], G_FILE_TEST_IS_REGULAR))
            return;
    if (g_getenv("FTC_FUZZ_NO_SEEDS") != NULL || seed_dir != NULL)
        return;
    seed_dir = g_dir_make_tmp(pattern, NULL);
    if (seed_dir == NULL)
        return;
    atexit(remove_seeds);
    for (guint i = 0; i < seeds->len; i++) {
        g_autofree char *name = g_strdup_printf("seed-%04u", i);
        g_autofree char *path = g_build_filename(seed_dir, name, NULL);
        gsize size;
        const char *data = g_bytes_get_data(seeds->pdata[i], &size);

        if (g_file_set_contents(path, data, (gssize)size, NULL))
            g_string_append_printf(list, "%s%s", list->len > 0 ? "," : "", path);
    }
    list_path = g_build_filename(seed_dir, "list", NULL);
    if (!g_file_set_contents(list_path, list->str, (gssize)list->len, NULL))
        return;
    /* argv lives to the end of the process: leaked on purpose. */
    args = g_new0(char *, (size_t)*argc + 2);
    memcpy(args, *argv, (size_t)*argc * sizeof *args);
    args[(*argc)++] = g_strdup_printf("-seed_inputs=@%s", list_path);
    *argv = args;
    fprintf(stderr, "%s: %u seeds in %s\n", target, seeds->len, seed_dir);
}
