#!/usr/bin/python3
"""A running Calc picks up `ftcost prices update` without a restart.

usage: update_e2e.py --oxt OXT --cli FTCOST --table TABLE.json
                     --install INSTALL-PROFILE.SH [--program DIR]

soffice runs with the extension in a throwaway profile, its
XDG_CONFIG_HOME a directory of that profile.  A sheet computes
=API_PRICE("gpt-4o";"input") (the command, with the same config, says what
it must be); `ftcost prices update` installs a LiteLLM file served on
127.0.0.1 with a higher price; a hard recalculation of the same document
in the same soffice must show the new price.  Then an update that does not
validate must leave the new price in place.  Exit status: 0 pass, 1 fail,
77 skipped (no uno), 99 harness error.
"""

import argparse
import http.server
import json
import os
import subprocess
import sys
import threading

MODEL = 'gpt-4o'


class Handler(http.server.BaseHTTPRequestHandler):
    body = b''

    def log_message(self, fmt, *args):
        pass

    def do_GET(self):
        body = Handler.body if self.path == '/litellm.json' else b'{"gpt-4o": 1}'
        self.send_response(200)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def litellm_file(input_price):
    return json.dumps({MODEL: {'litellm_provider': 'openai', 'mode': 'chat',
                               'input_cost_per_token': input_price / 1e6,
                               'output_cost_per_token': 12 / 1e6}}).encode()


def run(opts):
    from lo_harness import Office, HarnessError, log, close_enough

    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = 'http://127.0.0.1:%d' % server.server_address[1]
    failures = []

    def expect(cond, what):
        log(('ok   ' if cond else 'FAIL ') + what)
        if not cond:
            failures.append(what)

    try:
        with Office(opts) as office:
            office.install()
            office.start()

            def cli(*args):
                # as soffice runs (nobody, when we are root), on its config
                return subprocess.run(office.prefix + [os.path.abspath(opts.cli)] + list(args),
                                      env=office.env(), capture_output=True, text=True,
                                      timeout=120)

            p = cli('API_PRICE', MODEL, 'input')
            if p.returncode != 0:
                raise HarnessError('ftcost API_PRICE: %s' % p.stderr)
            old = float(p.stdout)
            new = old + 1.5

            doc = office.new_calc()
            cell = doc.Sheets.getByIndex(0).getCellByPosition(0, 0)
            cell.setFormula('=API_PRICE("%s";"input")' % MODEL)
            doc.calculateAll()
            expect(cell.getError() == 0 and close_enough(cell.getValue(), old),
                   'Calc: API_PRICE("%s";"input") = %r, the command says %r'
                   % (MODEL, cell.getValue(), old))

            Handler.body = litellm_file(new)
            p = cli('prices', 'update', base + '/litellm.json')
            log(p.stdout.strip())
            expect(p.returncode == 0, 'ftcost prices update: exit %d %s'
                   % (p.returncode, p.stderr.strip()))
            installed = os.path.join(office.home, '.config', 'ftcost', 'updates',
                                     'litellm.json')
            expect(os.path.exists(installed), 'installed in the profile\'s config: ' + installed)

            doc.calculateAll()
            expect(cell.getError() == 0 and close_enough(cell.getValue(), new),
                   'Calc, same document, hard recalculation: %r, want the new %r'
                   % (cell.getValue(), new))

            p = cli('prices', 'update', base + '/invalid.json')
            expect(p.returncode == 2, 'an update that does not validate: exit %d (%s)'
                   % (p.returncode, p.stderr.strip()))
            doc.calculateAll()
            expect(cell.getError() == 0 and close_enough(cell.getValue(), new),
                   'Calc after the refused update: %r, still %r' % (cell.getValue(), new))
            doc.close(True)
    finally:
        server.shutdown()
    if failures:
        return 1
    log('update-e2e: Calc answered %r, then %r after the update, without a restart'
        % (old, new))
    return 0


def main():
    from lo_harness import add_harness_arguments, run_harness
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    add_harness_arguments(ap)
    opts = ap.parse_args()
    return run_harness(opts, (opts.oxt, opts.cli, opts.install), run,
                       prefix='ftcost-update-types-')


if __name__ == '__main__':
    sys.exit(main())
