/* ftc-dates.c: Calc's date serials (days since 1899-12-30, its default date
 * system), the one form in which the catalogues' dates reach a sheet. */
#include "ftcost-private.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

static void epoch(GDate *d)
{
    g_date_clear(d, 1);
    g_date_set_dmy(d, 30, G_DATE_DECEMBER, 1899);
}

int ftc_date_parse(const char *s)
{
    unsigned y, m, d;
    int n = -1;
    GDate date, day0;

    if (s == NULL || strlen(s) != 10 || sscanf(s, "%4u-%2u-%2u%n", &y, &m, &d, &n) != 3 ||
        n != 10 || s[4] != '-' || s[7] != '-' || !g_ascii_isdigit(s[0]) ||
        !g_ascii_isdigit(s[5]) || !g_ascii_isdigit(s[8]))
        return -1;
    /* Prices are a thing of this century: a year outside it is a typo. */
    if (y < 2000 || y > 2199 || !g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
        return -1;
    g_date_clear(&date, 1);
    g_date_set_dmy(&date, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
    epoch(&day0);
    return (int)g_date_days_between(&day0, &date);
}

bool ftc_date_format(int serial, char out[FTC_DATE_TEXT_MAX])
{
    GDate date;

    /* up to 9999-12-31, which GDate and four digits hold */
    if (serial < 0 || serial > 2958465) {
        g_strlcpy(out, "-", FTC_DATE_TEXT_MAX);
        return false;
    }
    epoch(&date);
    g_date_add_days(&date, (guint)serial);
    snprintf(out, FTC_DATE_TEXT_MAX, "%04u-%02u-%02u",
             (unsigned)g_date_get_year(&date) % 10000u,
             (unsigned)g_date_get_month(&date) % 100u, (unsigned)g_date_get_day(&date) % 100u);
    return true;
}

int ftc_price_date_from_unix(long long seconds)
{
    /* 1899-12-30 is 25569 days before the Unix epoch */
    long long days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);

    days += 25569;
    return days >= 0 && days <= G_MAXINT / 2 ? (int)days : -1;
}
