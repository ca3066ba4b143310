from prodsheets.cli import main

main()
