/* ftcost-uno-names.h: the UNO names of the add-in, shared by the component
 * (ftcost-addin.c) and the build-time generator (ftcost-uno-gen.c).
 *
 * The service and interface names are stored in every workbook that calls
 * the functions (of:=ORG.FTCOST.FUNCTIONS.FT_TCO(...)): never change them.
 */
#ifndef FTCOST_UNO_NAMES_H
#define FTCOST_UNO_NAMES_H

#include "ftcost.h"

#define FTCOST_UNO_SERVICE FTC_ADDIN_SERVICE
#define FTCOST_UNO_IMPLEMENTATION "org.ftcost.FunctionsImpl"
#define FTCOST_UNO_INTERFACE "org.ftcost.XFunctions"
/* The interface as IDL spells it: module org { module ftcost { ... } } */
#define FTCOST_UNO_IDL_MODULE_1 "org"
#define FTCOST_UNO_IDL_MODULE_2 "ftcost"
#define FTCOST_UNO_IDL_INTERFACE "XFunctions"
#define FTCOST_UNO_ADDIN_SERVICE "com.sun.star.sheet.AddIn"
/* Calc accepts only its own category names; see FUNCTIONS.md. */
#define FTCOST_UNO_CATEGORY "Financial"

#endif
