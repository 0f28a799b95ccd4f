// tours come later
