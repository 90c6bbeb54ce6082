from claimdesk.cli import main

main()
